//! Shared helpers for the figure rules (`NUM*`): which figures may be
//! compared, and how to describe a figure's range to a reader.
//!
//! The guards here encode HEDGES.md's "when two figures are about the same
//! thing" and its list of traps. Each one trades a little recall for a large
//! cut in false alarms, and each is named so a rule reads as its docs do.

use std::collections::BTreeSet;

use crate::claims::quantity::{compare_key, fmt_num};
use crate::claims::{Claims, Figure, Hedge};
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

/// Two figures are more than twice apart. A restated figure that went wrong
/// is near its original (a flipped hedge, swapped digits, a typo); figures
/// for the same noun that differ several-fold are nearly always different
/// groups, places or times ("16 cases this week" vs "47 cases in all").
pub fn far_apart(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (a.value.abs(), b.value.abs());
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    lo <= 0.0 || hi / lo > 2.0
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

/// Ids of the entities (people, organisations, places) named in a span.
pub fn entities_in(claims: &Claims, span: &Span) -> BTreeSet<usize> {
    claims
        .entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| span.contains(&m.span)))
        .map(|e| e.id)
        .collect()
}

/// Both sentences name someone or somewhere, and never the same one: the
/// figures are about different subjects ("89,000 students in Denver" vs
/// "71,000 in Albuquerque"; "Okafor won 52%" vs "Ibarra took 15%").
pub fn different_subjects(cx: &Context<'_>, a: &Figure, b: &Figure) -> bool {
    let ea = entities_in(cx.claims, &a.sentence);
    let eb = entities_in(cx.claims, &b.sentence);
    !ea.is_empty() && !eb.is_empty() && ea.is_disjoint(&eb)
}

/// Content words of a text: lower-cased words of three letters or more that
/// are not numbers or common function words.
pub fn content_words(text: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "that", "with", "from", "this", "have", "has", "had", "was", "were",
        "are", "been", "their", "they", "which", "who", "said", "says", "more", "than", "over",
        "about", "nearly", "almost", "some", "into", "its", "his", "her", "but", "not", "all",
        "will", "would", "after", "since", "also", "other", "most",
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

/// The range a figure allows, in words: `more than 400`, `below 400`,
/// `between 1,700 and 2,300`.
pub fn describe_range(f: &Figure) -> String {
    let r = &f.range;
    let low = fmt_num(r.low.value);
    match r.high {
        None if r.low.inclusive => format!("at least {low}"),
        None => format!("more than {low}"),
        Some(h) => {
            let high = fmt_num(h.value);
            if r.low.value <= 0.0 {
                if h.inclusive {
                    format!("at most {high}")
                } else {
                    format!("fewer than {high}")
                }
            } else if r.low.value == h.value
                || (f.hedge == Hedge::None && h.value - r.low.value <= 1.0)
            {
                fmt_num(f.value)
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
