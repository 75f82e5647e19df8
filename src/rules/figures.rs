//! Shared helpers for the figure rules (`NUM*`): which figures may be
//! compared, and how to describe a figure's range to a reader.
//!
//! The guards here encode HEDGES.md's "when two figures are about the same
//! thing" and its list of traps. Each one trades a little recall for a large
//! cut in false alarms, and each is named so a rule reads as its docs do.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::claims::quantity::{compare_key, fmt_num};
use crate::claims::{EntityKind, Figure, Hedge, UnitClass};
use crate::rules::Context;
use crate::source::{SourceFile, Span};

/// What must agree for two figures to be about the same thing: the counted
/// thing (stemmed, synonyms folded), the unit (and currency), level vs change.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FigureKey {
    pub thing: String,
    pub unit: String,
    pub change: bool,
}

/// The comparison key of a figure, or `None` when the figure must not take
/// part in comparisons at all: no counted thing, inside a quotation (a
/// speaker's number is not the reporter's), or a vague quantity.
pub fn figure_key(f: &Figure) -> Option<FigureKey> {
    if f.in_quote || f.hedge == Hedge::Vague {
        return None;
    }
    let key = f.key.as_deref()?.trim();
    if key.is_empty() {
        return None;
    }
    let unit = match &f.unit.code {
        Some(code) => format!("{:?}:{code}", f.unit.class),
        None => format!("{:?}", f.unit.class),
    };
    Some(FigureKey {
        thing: compare_key(&key.to_lowercase()),
        unit,
        change: f.change,
    })
}

/// The parts of an anchor as the extractor joins them with `, `: its time
/// (`on tuesday`, `so far`, `in 2024`), its place (`in albuquerque`: "in"
/// and no digit) and its source (`police say`, `according to organizers`).
#[derive(Default)]
struct AnchorParts<'a> {
    time: Option<&'a str>,
    place: Option<&'a str>,
    source: Option<&'a str>,
}

fn anchor_parts(anchor: &str) -> AnchorParts<'_> {
    let mut parts = AnchorParts::default();
    for part in anchor.split(", ").map(str::trim).filter(|p| !p.is_empty()) {
        let is_source = part.starts_with("according to")
            || part.ends_with(" say")
            || part.ends_with(" says")
            || part.ends_with(" said");
        let is_place = part.starts_with("in ") && !part.bytes().any(|b| b.is_ascii_digit());
        if is_source {
            parts.source = Some(part);
        } else if is_place {
            parts.place = Some(part);
        } else {
            parts.time = Some(part);
        }
    }
    parts
}

/// Anchors disagree when both name a time and the times differ, both name
/// a place and the places differ, or both name a source and the sources
/// differ. A figure with no anchor, or with only a source where the other
/// has only a time, may be compared.
pub fn anchors_disagree(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    parts_disagree(&anchor_parts(a), &anchor_parts(b))
}

/// [`anchors_disagree`] on anchors already split into their parts.
fn parts_disagree(a: &AnchorParts<'_>, b: &AnchorParts<'_>) -> bool {
    let differ = |x: Option<&str>, y: Option<&str>| matches!((x, y), (Some(x), Some(y)) if x != y);
    // "in los angeles" and "in los angeles county" name one area as news
    // copy uses them; only places that do not contain each other differ.
    let places_differ = match (a.place, b.place) {
        (Some(x), Some(y)) => !contains_words(x, y) && !contains_words(y, x),
        _ => false,
    };
    differ(a.time, b.time) || places_differ || differ(a.source, b.source)
}

/// Whether the words of `inner` appear, in order and adjacent, in `outer`.
fn contains_words(outer: &str, inner: &str) -> bool {
    let outer: Vec<&str> = outer.split_whitespace().collect();
    let inner: Vec<&str> = inner.split_whitespace().collect();
    !inner.is_empty() && outer.windows(inner.len()).any(|w| w == inner.as_slice())
}

/// The time part of a figure's anchor.
pub fn time_anchor(f: &Figure) -> Option<&str> {
    f.anchor.as_deref().and_then(|a| anchor_parts(a).time)
}

/// For every figure that is a sum of money or a percentage, the content
/// words of the stretch of its clause that belongs to it: from the
/// punctuation or the previous figure before it to the punctuation or the
/// next figure after it. Other figures get `None`.
fn amount_contexts(source: &SourceFile, figures: &[Figure]) -> Vec<Option<BTreeSet<String>>> {
    const BREAKS: &[char] = &[',', ';', ':', '(', ')', '—', '–'];
    let mut out = Vec::with_capacity(figures.len());
    for sentence in by_sentence(figures) {
        for (i, f) in sentence.iter().enumerate() {
            if !matches!(f.unit.class, UnitClass::Currency | UnitClass::Percent) {
                out.push(None);
                continue;
            }
            let lo = i
                .checked_sub(1)
                .map_or(f.sentence.start, |p| sentence[p].span.end);
            let hi = sentence.get(i + 1).map_or(f.sentence.end, |n| n.span.start);
            let before = source.text.get(lo..f.span.start).unwrap_or("");
            let after = source
                .text
                .get(f.span.end..hi.max(f.span.end))
                .unwrap_or("");
            let start = before.rfind(BREAKS).map_or(lo, |j| lo + j + 1);
            let end = after.find(BREAKS).map_or(hi, |j| f.span.end + j);
            out.push(Some(content_words(
                source.text.get(start..end.max(start)).unwrap_or(""),
            )));
        }
    }
    out
}

/// Everything the figure rules look up more than once, computed in one pass
/// per article so that the rules stay linear in the article's size.
pub struct FigureIndex<'c, 'a> {
    pub cx: &'c Context<'a>,
    /// The subjects (by kind) named in each sentence that holds a figure.
    subjects: HashMap<(usize, usize), BTreeMap<EntityKind, BTreeSet<usize>>>,
    /// Start offsets of the article's blocks, sorted.
    blocks: Vec<usize>,
    /// Body figures with no counted thing, sorted by value.
    unkeyed_body: Vec<&'a Figure>,
    /// Every body figure, sorted by value.
    body_by_value: Vec<&'a Figure>,
    /// Indices of the body's sums of money and percentages.
    body_amounts: Vec<usize>,
    /// See [`amount_contexts`]; computed on first use, since only a
    /// restated amount with few body amounts to match needs them.
    contexts: OnceCell<Vec<Option<BTreeSet<String>>>>,
    /// Span starts of the figures that are items of an enumeration.
    enumerated: HashSet<usize>,
    /// Per figure (by index), what the pairwise guards read about it.
    facts: Vec<Facts<'a>>,
}

/// What the pairwise guards read about one figure, computed once on first
/// use: a figure of a large group is compared with every other one.
#[derive(Default)]
struct Facts<'a> {
    negated: OnceCell<bool>,
    digits: OnceCell<Vec<char>>,
    anchor: OnceCell<Option<AnchorParts<'a>>>,
}

/// Above this many body amounts, restated amounts without a counted thing
/// are not matched to body amounts: a table of prices, not a story.
const MAX_BODY_AMOUNTS: usize = 500;

impl<'c, 'a> FigureIndex<'c, 'a> {
    pub fn new(cx: &'c Context<'a>) -> Self {
        let figures: &'a [Figure] = &cx.claims.figures;
        let mut sentences: Vec<(usize, usize)> = figures
            .iter()
            .map(|f| (f.sentence.start, f.sentence.end))
            .collect();
        sentences.sort_unstable();
        sentences.dedup();
        let mut subjects: HashMap<(usize, usize), BTreeMap<EntityKind, BTreeSet<usize>>> =
            HashMap::new();
        for e in &cx.claims.entities {
            for m in &e.mentions {
                if is_attribution(cx.source, &m.span) {
                    continue;
                }
                let i = sentences.partition_point(|s| s.0 <= m.span.start);
                if let Some(&s) = i.checked_sub(1).and_then(|i| sentences.get(i)) {
                    if m.span.end <= s.1 {
                        subjects
                            .entry(s)
                            .or_default()
                            .entry(e.kind)
                            .or_default()
                            .insert(e.id);
                    }
                }
            }
        }
        let mut blocks: Vec<usize> = cx.article.blocks().iter().map(|b| b.span.start).collect();
        blocks.sort_unstable();
        let mut body_by_value: Vec<&Figure> = figures.iter().filter(|b| b.part.is_body()).collect();
        body_by_value.sort_by(|a, b| a.value.total_cmp(&b.value));
        let unkeyed_body: Vec<&Figure> = body_by_value
            .iter()
            .copied()
            .filter(|b| b.key.is_none() && !b.in_quote)
            .collect();
        let body_amounts = figures
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                b.part.is_body()
                    && matches!(b.unit.class, UnitClass::Currency | UnitClass::Percent)
                    && !b.in_quote
                    && b.hedge != Hedge::Vague
            })
            .map(|(i, _)| i)
            .collect();
        FigureIndex {
            cx,
            subjects,
            blocks,
            unkeyed_body,
            body_by_value,
            body_amounts,
            contexts: OnceCell::new(),
            enumerated: enumerated_figures(figures),
            facts: figures.iter().map(|_| Facts::default()).collect(),
        }
    }

    /// The cached facts of a figure of this article.
    fn facts(&self, f: &Figure) -> Option<&Facts<'a>> {
        self.facts.get(self.facts_index(f)?)
    }

    /// [`negated`], once per figure.
    pub fn negated(&self, f: &Figure) -> bool {
        match self.facts(f) {
            Some(x) => *x.negated.get_or_init(|| negated(self.cx.source, f)),
            None => negated(self.cx.source, f),
        }
    }

    /// [`anchors_disagree`], with each figure's anchor split once.
    pub fn anchors_disagree(&self, a: &Figure, b: &Figure) -> bool {
        let parts = |f: &'_ Figure| {
            self.facts(f)
                .map(|x| x.anchor.get_or_init(|| self.anchor_parts_of(f)).as_ref())
        };
        match (parts(a), parts(b)) {
            (Some(Some(pa)), Some(Some(pb))) => parts_disagree(pa, pb),
            (Some(None), _) | (_, Some(None)) => false,
            _ => anchors_disagree(a.anchor.as_deref(), b.anchor.as_deref()),
        }
    }

    fn anchor_parts_of(&self, f: &Figure) -> Option<AnchorParts<'a>> {
        let i = self.facts_index(f)?;
        let g: &'a Figure = self.cx.claims.figures.get(i)?;
        g.anchor.as_deref().map(anchor_parts)
    }

    /// The index of `f` in the article's figures, when it is one of them
    /// (the rules only ever hold references into that list).
    fn facts_index(&self, f: &Figure) -> Option<usize> {
        let figures: &[Figure] = &self.cx.claims.figures;
        let size = std::mem::size_of::<Figure>().max(1);
        let offset = (f as *const Figure as usize).checked_sub(figures.as_ptr() as usize)?;
        let i = offset / size;
        figures
            .get(i)
            .is_some_and(|g| std::ptr::eq(g, f))
            .then_some(i)
    }

    /// [`digits_transposed`], with each figure's digits worked out once.
    pub fn digits_transposed(&self, a: &Figure, b: &Figure) -> bool {
        match (self.facts(a), self.facts(b)) {
            (Some(x), Some(y)) => {
                let da = x.digits.get_or_init(|| significant_digits(a.value));
                let db = y.digits.get_or_init(|| significant_digits(b.value));
                a.value != b.value && da.len() >= 2 && da == db
            }
            _ => digits_transposed(a, b),
        }
    }

    /// [`far_apart`], with each figure's digits worked out once.
    pub fn far_apart(&self, a: &Figure, b: &Figure) -> bool {
        ratio(a, b) > 2.0 && !self.digits_transposed(a, b)
    }

    /// The figure is one item of an enumeration: its sentence gives another
    /// level of the same unit for the same thing or for no named thing ("900
    /// meals on Monday and 1,400 on Tuesday", "12 people in Texas and 3 in
    /// Oklahoma"). Shares of different wholes are never items of a total.
    pub fn enumerated(&self, f: &Figure) -> bool {
        self.enumerated.contains(&f.span.start)
    }

    /// The block (paragraph) a span starts in, by its start offset.
    pub fn block_of(&self, span: &Span) -> Option<usize> {
        let i = self.blocks.partition_point(|&b| b <= span.start);
        i.checked_sub(1).and_then(|i| self.blocks.get(i)).copied()
    }

    /// The two sentences name different subjects of one kind and share none:
    /// "89,000 students in Denver" vs "71,000 in Albuquerque"; "Okafor won
    /// 52%" vs "Ibarra took 15%". A person on one side and a place on the
    /// other is no evidence either way; a name that only gives the source
    /// ("Dalton said") is not a subject.
    pub fn different_subjects(&self, a: &Figure, b: &Figure) -> bool {
        let empty = BTreeMap::new();
        let ea = self
            .subjects
            .get(&(a.sentence.start, a.sentence.end))
            .unwrap_or(&empty);
        let eb = self
            .subjects
            .get(&(b.sentence.start, b.sentence.end))
            .unwrap_or(&empty);
        let shared = ea
            .iter()
            .any(|(kind, ids)| eb.get(kind).is_some_and(|other| !ids.is_disjoint(other)));
        !shared
            && ea
                .iter()
                .any(|(kind, ids)| eb.get(kind).is_some_and(|other| ids.is_disjoint(other)))
    }

    /// A body figure with no counted thing that a restatement could be
    /// quoting: same unit, both levels or both changes, within 10% and
    /// overlapping ("over 1,100 businesses answered" / "1,150 responded").
    /// While one exists, a restatement that disagrees with the keyed body
    /// figures is not reported: it may be about this one.
    pub fn unkeyed_body_match(&self, r: &Figure) -> bool {
        near(&self.unkeyed_body, r, true)
    }

    /// Some body figure, whatever it counts and however it is phrased (a
    /// level or a change, in a quotation or not), gives the same amount as
    /// `r` (same unit, within 10%, overlapping): the restatement may be
    /// quoting it under another name.
    pub fn body_amount_near(&self, r: &Figure) -> bool {
        near(&self.body_by_value, r, false)
    }

    /// Indices of the body figures that the sum of money or percentage
    /// `figures[r]` in a restatement can only be talking about, when no body
    /// figure has its counted thing: the same unit (and currency), both levels
    /// or both changes, and either at least two content words shared by
    /// their own stretches of clause ("The utility's revenue rose to $5.3
    /// billion" / "The utility reported revenue of $3.5 billion") when one of
    /// them has no counted thing, or a body figure in a sentence that names the
    /// restatement's counted thing ("a $2.4 billion offer" / "the final offer,
    /// worth about $1.6 billion in wage increases").
    /// A note when there are too many body amounts for restated amounts
    /// without a counted thing to be matched to them.
    pub fn amount_limit(&self) -> Option<String> {
        let n = self.body_amounts.len();
        (n > MAX_BODY_AMOUNTS).then(|| {
            format!(
                "{n} sums of money and percentages in the body (more than {MAX_BODY_AMOUNTS}): restated ones without a counted thing were not compared with them"
            )
        })
    }

    pub fn amount_counterparts(&self, r: usize) -> Vec<usize> {
        let figures = &self.cx.claims.figures;
        // Only sums of money and percentages have a context (see
        // `amount_contexts`).
        let Some(f) = figures
            .get(r)
            .filter(|f| matches!(f.unit.class, UnitClass::Currency | UnitClass::Percent))
        else {
            return Vec::new();
        };
        if f.in_quote || self.body_amounts.len() > MAX_BODY_AMOUNTS {
            return Vec::new();
        }
        let contexts = self
            .contexts
            .get_or_init(|| amount_contexts(self.cx.source, figures));
        let Some(Some(words)) = contexts.get(r) else {
            return Vec::new();
        };
        let key_words = f.key.as_deref().map(content_words).unwrap_or_default();
        self.body_amounts
            .iter()
            .copied()
            .filter(|&i| {
                let Some(b) = figures.get(i) else {
                    return false;
                };
                if b.unit != f.unit || b.change != f.change {
                    return false;
                }
                let shared_clause = contexts
                    .get(i)
                    .and_then(Option::as_ref)
                    .is_some_and(|w| w.intersection(words).count() >= 2);
                let names_the_thing = !key_words.is_empty()
                    && key_words.is_subset(&content_words(self.cx.source.slice(&b.sentence)));
                (shared_clause && (b.key.is_none() || f.key.is_none())) || names_the_thing
            })
            .collect()
    }
}

/// A figure of `sorted` (by value) with the unit of `r`, within 10% of it
/// and overlapping it; with `same_change`, also both levels or both changes.
fn near(sorted: &[&Figure], r: &Figure, same_change: bool) -> bool {
    let (lo, hi) = (r.value - 0.1 * r.value.abs(), r.value + 0.1 * r.value.abs());
    let start = sorted.partition_point(|b| b.value < lo);
    sorted
        .get(start..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.value <= hi)
        .any(|b| {
            b.unit == r.unit
                && (!same_change || b.change == r.change)
                && b.range.overlaps(&r.range, false)
        })
}

/// See [`FigureIndex::enumerated`]: one pass over the figures of each
/// sentence.
fn enumerated_figures(figures: &[Figure]) -> HashSet<usize> {
    let mut order: Vec<&Figure> = figures.iter().collect();
    order.sort_by_key(|f| (f.sentence.start, f.span.start));
    let mut out = HashSet::new();
    for sentence in order.chunk_by(|a, b| a.sentence == b.sentence) {
        for b in sentence {
            if matches!(
                b.unit.class,
                UnitClass::Percent | UnitClass::PercentagePoints
            ) {
                continue;
            }
            let key = figure_key(b);
            let listed = sentence.iter().any(|o| {
                !std::ptr::eq(*o, *b)
                    && o.unit == b.unit
                    && !o.change
                    && !o.in_quote
                    && (o.key.is_none() || figure_key(o) == key)
            });
            if listed {
                out.insert(b.span.start);
            }
        }
    }
    out
}

/// The figures of each sentence, in source order.
pub fn by_sentence(figures: &[Figure]) -> impl Iterator<Item = &[Figure]> {
    figures.chunk_by(|a, b| a.sentence == b.sentence)
}

/// Keys too generic to compare two body figures on their own: "12 people"
/// in one paragraph and "40 people" in another are usually different groups.
pub fn is_generic_thing(thing: &str) -> bool {
    const GENERIC: &[&str] = &[
        "person",
        "people",
        "resident",
        "individual",
        "other",
        "member",
        "time",
        "case",
        "unit",
        "item",
        "thing",
        "day",
        "year",
        "month",
        "week",
        "hour",
        "percent",
        "point",
        "vote",
        "dollar",
    ];
    GENERIC.contains(&thing)
}

/// How many times larger the larger value is; infinite when one is zero.
pub fn ratio(a: &Figure, b: &Figure) -> f64 {
    let (x, y) = (a.value.abs(), b.value.abs());
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    if lo <= 0.0 {
        f64::INFINITY
    } else {
        hi / lo
    }
}

/// The significant digits of two values are the same digits in another
/// order (4.1 million / 1.4 million, $340 million / $430 million): the classic
/// transposition a copy desk catches, however far apart the values are.
pub fn digits_transposed(a: &Figure, b: &Figure) -> bool {
    // Six significant digits in scientific notation, so that 4.1 × 10⁶
    // computed as 4,099,999.999… still reads as the digits 4 and 1.
    let (da, db) = (significant_digits(a.value), significant_digits(b.value));
    a.value != b.value && da.len() >= 2 && da == db
}

/// The significant digits of a value, sorted: what [`digits_transposed`]
/// compares.
fn significant_digits(v: f64) -> Vec<char> {
    let mut d: Vec<char> = digits_in_order(v).into_iter().map(char::from).collect();
    d.sort_unstable();
    d
}

/// The significant digits of a value, in order: 33,600,000,000 → `336`.
/// Six significant digits in scientific notation, so that float noise
/// (4,099,999.999…) still reads as the digits written.
pub fn digits_in_order(v: f64) -> Vec<u8> {
    let sci = format!("{:.6e}", v.abs());
    let mantissa = sci.split('e').next().unwrap_or("");
    let d: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    d.trim_end_matches('0').bytes().collect()
}

/// Two figures are more than twice apart and not a transposition of each
/// other. A restated figure that went wrong is near its original (a flipped
/// hedge, swapped digits, a typo); figures for the same noun that differ
/// several-fold are nearly always different groups, places or times ("16
/// cases this week" vs "47 cases in all").
pub fn far_apart(a: &Figure, b: &Figure) -> bool {
    ratio(a, b) > 2.0 && !digits_transposed(a, b)
}

/// The figure sits in a negated clause ("cannot impose limits lower than six
/// storeys", "not more than 40"): it states what is not so, not a range.
pub fn negated(source: &SourceFile, f: &Figure) -> bool {
    let start = f.sentence.start.max(f.span.start.saturating_sub(80));
    let before = source.text.get(start..f.span.start).unwrap_or("");
    let clause = before
        .rsplit([',', ';', ':', '(', '—', '–'])
        .next()
        .unwrap_or(before)
        .to_lowercase();
    clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w,
                "not" | "no" | "never" | "cannot" | "without" | "neither" | "nor"
            ) || w.ends_with("n't")
                || w.ends_with("n’t")
        })
}

/// A mention that attributes a statement: followed by a speech verb, or
/// preceded by "according to".
fn is_attribution(source: &SourceFile, mention: &Span) -> bool {
    let after = source.text.get(mention.end..).unwrap_or("");
    // The next 16 bytes (all of the rest when byte 16 is inside a
    // character), lower-cased only as far as the verbs reach.
    let after = lower_prefix(after.get(..after.len().min(16)).unwrap_or(after), 16);
    let before_start = mention.start.saturating_sub(16);
    let before = source
        .text
        .get(before_start..mention.start)
        .unwrap_or("")
        .to_lowercase();
    [
        " said",
        " says",
        " told",
        " added",
        " stated",
        " announced",
        " estimated",
    ]
    .iter()
    .any(|v| after.starts_with(v))
        || before.trim_end().ends_with("according to")
}

/// The lower-case form of `text`, char by char, until it holds at least
/// `bytes` bytes: enough to test whether the lower-cased text starts with
/// an ASCII word of at most `bytes` bytes, without lower-casing all of it.
fn lower_prefix(text: &str, bytes: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.len() >= bytes {
            break;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Content words of a text: lower-cased words of three letters or more that
/// are not numbers or common function words.
pub fn content_words(text: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "that", "with", "from", "this", "have", "has", "had", "was", "were",
        "are", "been", "their", "they", "which", "who", "said", "says", "more", "than", "over",
        "about", "nearly", "almost", "some", "into", "its", "his", "her", "but", "not", "all",
        "will", "would", "after", "since", "also", "other", "most",
        // Units and scale words say nothing about what is measured.
        "million", "billion", "trillion", "thousand", "hundred", "percent", "per", "cent",
        "dollars", "dollar", "euros", "pounds", "share", "year", "years",
    ];
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// The span to show for a figure: the figure itself, extended over its
/// counted thing when that follows closely in the same sentence
/// (`nearly 400 arrests`).
pub fn display_span(source: &SourceFile, f: &Figure) -> Span {
    match f.key_span {
        Some(k)
            if k.start >= f.span.end && k.end <= f.sentence.end && k.start - f.span.end <= 24 =>
        {
            source.span(f.span.start, k.end)
        }
        _ => f.span,
    }
}

/// A value in the figure's unit, as a reader writes it: `$340 million`,
/// `41%`, `2,000`.
pub fn fmt_amount(f: &Figure, v: f64) -> String {
    match f.unit.class {
        UnitClass::Percent => format!("{}%", fmt_num(v)),
        UnitClass::PercentagePoints => format!("{} points", fmt_num(v)),
        UnitClass::Currency => {
            let symbol = match f.unit.code.as_deref() {
                Some("USD") | None => "$",
                Some("EUR") => "€",
                Some("GBP") => "£",
                Some(other) => return format!("{} {other}", scaled(v)),
            };
            format!("{symbol}{}", scaled(v))
        }
        _ => scaled(v),
    }
}

/// Large values with a scale word: 3,500,000,000 → `3.5 billion`.
fn scaled(v: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            return format!("{} {word}", fmt_num((v / scale * 1000.0).round() / 1000.0));
        }
    }
    fmt_num(v)
}

/// The range a figure allows, in words: `more than 400`, `below 400`,
/// `between $335 million and $345 million`.
pub fn describe_range(f: &Figure) -> String {
    let r = &f.range;
    let amount = |v: f64| fmt_amount(f, v);
    let low = amount(r.low.value);
    match r.high {
        None if r.low.inclusive => format!("at least {low}"),
        None => format!("more than {low}"),
        Some(h) => {
            let high = amount(h.value);
            if r.low.value <= 0.0 {
                if h.inclusive {
                    format!("at most {high}")
                } else {
                    format!("less than {high}")
                }
            } else if r.low.value == h.value
                || (f.hedge == Hedge::None && h.value - r.low.value <= 1.0)
            {
                amount(f.value)
            } else if f.hedge == Hedge::Nearly || f.hedge == Hedge::JustUnder {
                format!("below {high}")
            } else if f.hedge == Hedge::JustOver {
                format!("just above {low}")
            } else {
                format!("between {low} and {high}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Part;
    use crate::claims::{Bound, Range, Unit};

    fn figure(value: f64) -> Figure {
        Figure {
            text: String::new(),
            span: Span::default(),
            part: Part::Lede,
            value,
            value_high: None,
            hedge: Hedge::None,
            range: Range {
                low: Bound {
                    value,
                    inclusive: true,
                },
                high: None,
            },
            unit: Unit::count(),
            key: None,
            key_span: None,
            change: false,
            anchor: None,
            in_quote: false,
            sentence: Span::default(),
            verbs: Vec::new(),
            threshold: false,
        }
    }

    #[test]
    fn transposed_digits_are_recognised_despite_float_noise() {
        assert!(digits_transposed(&figure(4.1 * 1e6), &figure(1.4 * 1e6)));
        assert!(digits_transposed(&figure(340e6), &figure(430e6)));
        assert!(!digits_transposed(&figure(400.0), &figure(400.0)));
        assert!(!digits_transposed(&figure(7.0), &figure(70.0)));
        assert!(!digits_transposed(&figure(16.0), &figure(47.0)));
    }

    #[test]
    fn transposed_figures_are_not_far_apart() {
        assert!(!far_apart(&figure(4.1e6), &figure(1.4e6)));
        assert!(far_apart(&figure(16.0), &figure(47.0)));
        assert!(!far_apart(&figure(2000.0), &figure(3000.0)));
    }

    #[test]
    fn lower_prefix_starts_with_a_word_when_the_whole_text_does() {
        for text in [
            " SAID “that”",
            " Said, ΣΑΣ and more text after it",
            " İstanbul said",
            " \u{212A}nown said",
            " told reporters — “we will not back down” — on Monday",
            "",
        ] {
            let whole = text.to_lowercase();
            let prefix = lower_prefix(text, 16);
            for verb in [" said", " told", " announced", " \u{3c3}\u{3b1}"] {
                assert_eq!(
                    whole.starts_with(verb),
                    prefix.starts_with(verb),
                    "{text:?} {verb:?}"
                );
            }
            assert!(prefix.len() >= 16 || prefix == whole, "{text:?}");
        }
    }

    #[test]
    fn attribution_is_read_from_the_words_after_the_name() {
        let text = "Mayor Karen Bass said the city. Bass, who “leads” the city — and more. \
                    According to Bass the city grew.";
        let source = SourceFile::new("t.txt", text);
        let at = |needle: &str, nth: usize| {
            let start = text
                .match_indices(needle)
                .nth(nth)
                .map(|(i, _)| i)
                .unwrap_or(0);
            Span {
                start,
                end: start + needle.len(),
                ..Span::default()
            }
        };
        assert!(is_attribution(&source, &at("Karen Bass", 0)));
        // byte 16 after this mention falls inside a multi-byte character
        assert!(!is_attribution(&source, &at("Bass", 1)));
        assert!(is_attribution(&source, &at("Bass", 2)));
    }

    #[test]
    fn anchors_disagree_only_on_two_different_times_or_sources() {
        assert!(anchors_disagree(Some("on monday"), Some("on tuesday")));
        assert!(anchors_disagree(Some("police say"), Some("organizers say")));
        assert!(!anchors_disagree(
            Some("this month, officials say"),
            Some("officials say")
        ));
        assert!(!anchors_disagree(Some("on monday"), Some("police say")));
        assert!(!anchors_disagree(None, Some("on monday")));
        assert!(!anchors_disagree(
            Some("in los angeles"),
            Some("in los angeles county")
        ));
        assert!(anchors_disagree(Some("in denver"), Some("in albuquerque")));
    }
}
