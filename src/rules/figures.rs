//! Shared helpers for the figure rules (`NUM*`): which figures may be
//! compared, and how to describe a figure's range to a reader.

use crate::claims::quantity::fmt_num;
use crate::claims::{Figure, Hedge};
use crate::source::{SourceFile, Span};

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

/// What must agree for two figures to be about the same thing (HEDGES.md,
/// "When two figures are about the same thing"): the counted thing (with
/// synonyms folded), the unit, level vs change.
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
    let thing = fold_thing(f.key.as_deref()?)?;
    let unit = match &f.unit.code {
        Some(code) => format!("{:?}:{code}", f.unit.class),
        None => format!("{:?}", f.unit.class),
    };
    Some(FigureKey {
        thing,
        unit,
        change: f.change,
    })
}

/// Words that differ but count the same thing. Deliberately small: a wrong
/// synonym makes false alarms, a missing one only a missed comparison.
const SYNONYMS: &[(&str, &str)] = &[
    ("troops", "soldiers"),
    ("troop", "soldiers"),
    ("soldier", "soldiers"),
    ("guardsmen", "soldiers"),
    ("killed", "deaths"),
    ("dead", "deaths"),
    ("death", "deaths"),
    ("fatalities", "deaths"),
    ("arrest", "arrests"),
    ("arrested", "arrests"),
    ("people arrested", "arrests"),
    ("persons arrested", "arrests"),
    ("protesters arrested", "arrests"),
];

/// Lower-case, trim, fold synonyms word by word; `None` for an empty key.
pub fn fold_thing(key: &str) -> Option<String> {
    let key = key.trim().to_lowercase();
    if key.is_empty() {
        return None;
    }
    if let Some((_, to)) = SYNONYMS.iter().find(|(from, _)| *from == key) {
        return Some((*to).to_string());
    }
    let words: Vec<&str> = key
        .split_whitespace()
        .map(|w| {
            SYNONYMS
                .iter()
                .find(|(from, _)| *from == w)
                .map_or(w, |(_, to)| *to)
        })
        .collect();
    Some(words.join(" "))
}

/// Keys too generic to compare two body figures on their own: "12 people"
/// in one paragraph and "40 people" in another are usually different groups.
pub fn is_generic_thing(thing: &str) -> bool {
    const GENERIC: &[&str] = &[
        "people",
        "persons",
        "residents",
        "individuals",
        "others",
        "members",
        "times",
        "cases",
        "units",
        "items",
        "things",
        "days",
        "years",
        "months",
        "weeks",
        "hours",
        "percent",
        "points",
        "votes",
        "dollars",
    ];
    GENERIC.contains(&thing)
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
