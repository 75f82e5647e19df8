//! Finding figures in the tokens of one block: the number, its currency or
//! unit, a range's second end, the hedge, and the look-alikes that are not
//! figures (years, dates, times, ages, labels, phone numbers, tallies).

use super::lex;
use super::number::{self, Num, NumKind};
use super::tokens::{Kind, Tok};
use super::{Hedge, UnitClass};

/// A figure found in the tokens, before spans and keys are attached.
#[derive(Debug, Clone)]
pub struct Found {
    /// Token range of hedge + number + unit.
    pub start: usize,
    pub end: usize,
    /// Token range of the number itself (first number of a range).
    pub value: f64,
    pub value_high: Option<f64>,
    pub hedge: Hedge,
    pub vague: Option<(f64, Option<f64>)>,
    pub kind: NumKind,
    pub class: UnitClass,
    pub code: Option<String>,
    /// Counted thing written inside the figure ("42,000-seat").
    pub compound_key: Option<(String, usize)>,
    /// The token after which the counted thing may be written.
    pub key_from: usize,
}

/// What the scanner found at one position.
pub enum Outcome {
    Figure(Found),
    Tally(usize, usize, Vec<u64>),
    /// A look-alike: skip to this token.
    Skip(usize),
    None,
}

fn lower<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower).unwrap_or("")
}

fn word<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower)
        .unwrap_or("")
}

fn attached(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.space)
}

fn digits_len(toks: &[Tok], i: usize) -> usize {
    toks.get(i)
        .filter(|t| t.kind == Kind::Num)
        .map(|t| t.lower.chars().filter(|c| c.is_ascii_digit()).count())
        .unwrap_or(0)
}

fn is_plain_int(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == Kind::Num && t.lower.chars().all(|c| c.is_ascii_digit()))
}

/// A currency written before token `i`'s number, as (code, first token).
fn currency_before(toks: &[Tok], i: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(i)?;
    // "US$", "C$", "HK$" are a word glued to "$".
    if t.lower == "$" {
        let spaced_ok = i > 0
            && matches!(word(toks, i - 1), "c" | "hk" | "us" | "mxn" | "nz" | "mex")
            && toks.get(i - 1).is_some_and(|p| !p.cap || p.lower == "us");
        if i > 0 && (attached(toks, i) || spaced_ok) {
            let w = word(toks, i - 1);
            if let Some(code) = lex::currency_prefix(&format!("{w}$")) {
                if w != "a" || !toks.get(i - 1).is_some_and(|t| t.space || t.cap) {
                    return Some((code, i - 1));
                }
            }
        }
        return Some(("USD", i));
    }
    if t.kind == Kind::Word && t.lower.len() == 3 && t.lower != "rmb" || t.lower == "rs" {
        // ISO codes before a number only when written in capitals.
        let orig_caps = t.cap;
        if orig_caps {
            return lex::currency_prefix(t.lower).map(|c| (c, i));
        }
        return None;
    }
    lex::currency_prefix(t.lower).map(|c| (c, i))
}

/// Whether a figure can start at `t`: a number, a currency sign or code, or
/// a word [`number::parse`] can start with. A cheap necessary condition for
/// [`at`] (most tokens are ordinary words).
fn may_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => t.lower == "$" || lex::currency_prefix(t.lower).is_some(),
        Kind::Word => lex::currency_prefix(t.lower).is_some() || number::may_start_word(t.lower),
    }
}

/// The figure (or look-alike) whose first token is `i`.
pub fn at(toks: &[Tok], i: usize, floor: usize) -> Outcome {
    match toks.get(i) {
        Some(t) if may_start(t) => at_start(toks, i, floor),
        _ => Outcome::None,
    }
}

/// [`at`] without the quick rejection.
fn at_start(toks: &[Tok], i: usize, floor: usize) -> Outcome {
    let Some(t) = toks.get(i) else {
        return Outcome::None;
    };
    // A currency prefix, then the number.
    let (mut code, mut class, num_at) = match currency_before(toks, i) {
        Some((c, first)) if first == i => {
            let mut j = i + 1;
            if lower(toks, j) == "." && lower(toks, i) == "rs" {
                j += 1;
            }
            (Some(c.to_string()), UnitClass::Currency, j)
        }
        Some((c, _)) if t.lower == "$" => (Some(c.to_string()), UnitClass::Currency, i + 1),
        _ => (None, UnitClass::Count, i),
    };
    if class == UnitClass::Currency && !toks.get(num_at).is_some_and(|n| n.kind != Kind::Punct) {
        return Outcome::None;
    }
    // A glued prefix word ("US" of "US$") starts the figure.
    let fig_start =
        if class == UnitClass::Currency && i > 0 && toks.get(i).is_some_and(|t| t.lower == "$") {
            match currency_before(toks, i) {
                Some((_, first)) => first.max(floor),
                None => i,
            }
        } else {
            i
        };
    let Some(num) = number::parse(toks, num_at) else {
        return Outcome::None;
    };
    if let Some(skip) = look_alike(toks, &num, class) {
        return Outcome::Skip(skip);
    }
    let mut end = num.end;
    // Unit after the number.
    let mut compound_key = None;
    if class == UnitClass::Count {
        // A unit word that starts a hyphenated compound modifies what follows
        // ("212 year-round shelter beds", "40 mile-long pipelines"): it is
        // not the figure's unit.
        let compound = |e: usize| {
            lower(toks, e) == "-"
                && attached(toks, e)
                && attached(toks, e + 1)
                && !word(toks, e + 1).is_empty()
        };
        if let Some((c, k, e)) = unit_after(toks, end, &num).filter(|(c, _, e)| {
            matches!(c, UnitClass::Currency | UnitClass::Percent) || !compound(*e)
        }) {
            class = c;
            code = k;
            end = e;
        }
    } else if let Some((UnitClass::Currency, _, e)) = unit_after(toks, end, &num) {
        // "$10 dollars": swallow a repeated currency word.
        end = e;
    }
    // Compound "42,000-seat", "thirty-year".
    if lower(toks, end) == "-"
        && attached(toks, end)
        && attached(toks, end + 1)
        && !word(toks, end + 1).is_empty()
    {
        let w = word(toks, end + 1).to_string();
        if matches!(lower(toks, end + 2), "-") && matches!(word(toks, end + 3), "old") {
            return Outcome::Skip(end + 4);
        }
        if w == "plus" {
            end += 2;
            return finish(
                toks,
                i,
                fig_start,
                floor,
                num,
                end,
                class,
                code,
                Some(Hedge::AtLeast),
                None,
            );
        }
        if !matches!(w.as_str(), "and" | "to" | "or") && !num.bare_one {
            if let Some((c, k)) = lex::measure_unit(&w) {
                if class == UnitClass::Count {
                    class = c;
                    code = Some(k.to_string());
                }
                end += 2;
            } else if matches!(w.as_str(), "percent" | "per") {
                class = UnitClass::Percent;
                end += 2;
            } else if class == UnitClass::Count && lex::small_word(&w).is_none() {
                compound_key = Some((plural(&w), end + 1));
                end += 2;
            }
        }
    }
    let mut found = Found {
        start: fig_start,
        end,
        value: num.value,
        value_high: None,
        hedge: Hedge::None,
        vague: match num.kind {
            NumKind::Vague(lo, hi) => Some((lo, hi)),
            _ => None,
        },
        kind: num.kind,
        class: if num.kind == NumKind::Share {
            UnitClass::Percent
        } else {
            class
        },
        code: code.clone(),
        compound_key,
        key_from: end,
    };
    if num.kind == NumKind::Fraction && found.class == UnitClass::Count {
        found.class = UnitClass::Other;
        found.code = Some("fraction".into());
    }
    // Range or tally: "300-400", "300 to 400", "6-3".
    if matches!(num.kind, NumKind::Digits | NumKind::Words) {
        match second_end(toks, &found, &num, i, floor) {
            Second::Range(v2, e, c2, k2) => {
                found.value_high = Some(v2);
                found.end = e;
                found.key_from = e;
                found.hedge = Hedge::Between;
                if found.class == UnitClass::Count && c2 != UnitClass::Count {
                    found.class = c2;
                    found.code = k2;
                }
            }
            Second::Tally(e, values) => return Outcome::Tally(fig_start, e, values),
            Second::Skip(e) => return Outcome::Skip(e),
            Second::None => {}
        }
    }
    let post = post_hedge(toks, found.end);
    if let Some((h, e)) = post {
        found.end = e;
        found.key_from = e;
        if found.hedge == Hedge::None {
            found.hedge = h;
        }
    }
    let pre = pre_hedge(toks, fig_start, floor, found.hedge == Hedge::Between)
        .filter(|(_, s)| !over_means_during(toks, *s, fig_start, &found));
    if let Some((h, s)) = pre {
        found.start = s;
        if found.hedge == Hedge::None {
            found.hedge = h;
        }
    }
    if found.vague.is_some() && found.hedge == Hedge::None {
        found.hedge = Hedge::Vague;
    }
    // A bare year-like or pronoun "one" needs more evidence.
    if num.bare_one
        && found.hedge == Hedge::None
        && found.class == UnitClass::Count
        && !one_counts(toks, &num)
    {
        return Outcome::Skip(num.end);
    }
    if is_year(toks, &found, &num) {
        return Outcome::Skip(num.end);
    }
    if found.class == UnitClass::Duration
        && matches!(word(toks, found.end), "ago" | "later" | "earlier")
    {
        return Outcome::Skip(found.end + 1);
    }
    Outcome::Figure(found)
}

/// "arrested over three nights", "14% over three years", "over two days of
/// talks": a bare "over" before a span of time says when, not how much.
/// The span is a plain duration (hedge none). It is a comparison after
/// "for", "in", "of", "after", "to", "with", a form of "be", or a verb of
/// duration ("for over 10 years", "took over two hours").
fn over_means_during(toks: &[Tok], s: usize, fig_start: usize, found: &Found) -> bool {
    if lower(toks, s) != "over" || s + 1 != fig_start {
        return false;
    }
    let span_of_time = found.class == UnitClass::Duration
        || matches!(
            word(toks, found.key_from),
            "night" | "nights" | "weekend" | "weekends"
        );
    if !span_of_time {
        return false;
    }
    let before = if s > 0 { lower(toks, s - 1) } else { "" };
    !matches!(
        before,
        "for"
            | "in"
            | "of"
            | "after"
            | "to"
            | "with"
            | "by"
            | "at"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "took"
            | "take"
            | "takes"
            | "taken"
            | "taking"
            | "lasted"
            | "last"
            | "lasts"
            | "lasting"
            | "spent"
            | "spend"
            | "spends"
            | "spending"
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    toks: &[Tok],
    _i: usize,
    fig_start: usize,
    floor: usize,
    num: Num,
    end: usize,
    class: UnitClass,
    code: Option<String>,
    hedge: Option<Hedge>,
    compound_key: Option<(String, usize)>,
) -> Outcome {
    let start = pre_hedge(toks, fig_start, floor, false)
        .map(|(_, s)| s)
        .unwrap_or(fig_start);
    Outcome::Figure(Found {
        start,
        end,
        value: num.value,
        value_high: None,
        hedge: hedge.unwrap_or(Hedge::None),
        vague: None,
        kind: num.kind,
        class,
        code,
        compound_key,
        key_from: end,
    })
}

/// A crude plural for compound nouns: seat → seats, city → cities.
pub fn plural(w: &str) -> String {
    if w.ends_with('s') {
        w.to_string()
    } else if let Some(stem) = w
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if w.ends_with("ch") || w.ends_with("sh") || w.ends_with('x') {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// A unit written after the number: percent, currency words, measures.
fn unit_after(toks: &[Tok], j: usize, num: &Num) -> Option<(UnitClass, Option<String>, usize)> {
    let w = lower(toks, j);
    let w1 = lower(toks, j + 1);
    let w2 = lower(toks, j + 2);
    match w {
        "%" | "pct" | "percent" | "percents" | "percentage" => {
            if w == "percentage" && matches!(w1, "point" | "points") {
                return Some((UnitClass::PercentagePoints, None, j + 2));
            }
            if w == "percentage" && !toks.get(j + 1).is_none_or(|t| t.kind == Kind::Punct) {
                return None;
            }
            return Some((UnitClass::Percent, None, j + 1));
        }
        "per" if w1 == "cent" => return Some((UnitClass::Percent, None, j + 2)),
        "point" | "points" | "pts" if num.value.fract() != 0.0 || num.value < 10.0 => {
            return Some((UnitClass::PercentagePoints, None, j + 1));
        }
        "us" | "u.s" if matches!(w1, "dollar" | "dollars") => {
            return Some((UnitClass::Currency, Some("USD".into()), j + 2));
        }
        "australian" | "canadian" | "hong" | "new" | "swiss" | "japanese" | "chinese"
        | "mexican" | "indian" => {
            let (n, words) = match (w, w1) {
                ("australian", "dollar" | "dollars") => ("AUD", 2),
                ("canadian", "dollar" | "dollars") => ("CAD", 2),
                ("swiss", "franc" | "francs") => ("CHF", 2),
                ("japanese", "yen") => ("JPY", 2),
                ("chinese", "yuan") => ("CNY", 2),
                ("mexican", "peso" | "pesos") => ("MXN", 2),
                ("indian", "rupee" | "rupees") => ("INR", 2),
                ("hong", "kong") if matches!(w2, "dollar" | "dollars") => ("HKD", 3),
                ("new", "zealand") if matches!(w2, "dollar" | "dollars") => ("NZD", 3),
                _ => return None,
            };
            return Some((UnitClass::Currency, Some(n.into()), j + words));
        }
        "square" => {
            let code = match w1 {
                "mile" | "miles" => "sq mi",
                "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" => "sq km",
                "foot" | "feet" => "sq ft",
                "metre" | "metres" | "meter" | "meters" => "sq m",
                _ => return None,
            };
            return Some((UnitClass::Area, Some(code.into()), j + 2));
        }
        "miles" if w1 == "per" && w2 == "hour" => {
            return Some((UnitClass::Speed, Some("mph".into()), j + 3));
        }
        _ => {}
    }
    if let Some(c) = lex::currency_suffix(w) {
        // "pounds" is money only with a scale word or "sterling".
        if matches!(w, "pound" | "pounds") && !num.scaled && w1 != "sterling" {
            return Some((UnitClass::Mass, Some("lb".into()), j + 1));
        }
        if w == "p" && toks.get(j).is_some_and(|t| t.space) {
            return None;
        }
        let tok_is_word = toks.get(j).is_some_and(|t| t.kind == Kind::Word);
        if tok_is_word
            && w.len() == 3
            && !toks.get(j).is_some_and(|t| t.cap)
            && matches!(
                w,
                "usd" | "eur" | "gbp" | "cny" | "cad" | "aud" | "chf" | "jpy" | "inr" | "mxn"
            )
        {
            return None;
        }
        let end = if w1 == "sterling" { j + 2 } else { j + 1 };
        return Some((UnitClass::Currency, Some(c.into()), end));
    }
    if toks.get(j).is_some_and(|t| t.kind == Kind::Word) {
        if let Some((c, code)) = lex::measure_unit(w) {
            // "m" and "g" alone are too ambiguous after a spaced number.
            if matches!(w, "m" | "g" | "mi" | "min" | "ha") && toks.get(j).is_some_and(|t| t.space)
            {
                return None;
            }
            return Some((c, Some(code.into()), j + 1));
        }
    }
    None
}

enum Second {
    Range(f64, usize, UnitClass, Option<String>),
    Tally(usize, Vec<u64>),
    Skip(usize),
    None,
}

/// The second end of a range, or a tally, after the first number.
fn second_end(toks: &[Tok], f: &Found, num: &Num, i: usize, floor: usize) -> Second {
    let j = f.end;
    let sep = lower(toks, j);
    let prev = if f.start > floor {
        word(toks, f.start - 1)
    } else {
        ""
    };
    let between = prev == "between";
    let from = prev == "from";
    let dash = sep == "-" || sep == "~";
    let ok_sep = dash || matches!(sep, "to" | "through") || (sep == "and" && between);
    if !ok_sep {
        return Second::None;
    }
    let mut k = j + 1;
    let mut c2 = UnitClass::Count;
    let mut code2 = None;
    if let Some((c, first)) = currency_before(toks, k) {
        if first == k {
            c2 = UnitClass::Currency;
            code2 = Some(c.to_string());
            k += 1;
        }
    }
    let Some(n2) = number::parse(toks, k) else {
        return Second::None;
    };
    if !matches!(n2.kind, NumKind::Digits | NumKind::Words) {
        return Second::None;
    }
    let mut v2 = n2.value;
    let mut end = n2.end;
    // "3 to 4 million": the scale of the second applies to the first.
    let _ = i;
    if let Some((c, code, e)) = unit_after(toks, end, &n2) {
        if c2 == UnitClass::Count {
            c2 = c;
            code2 = code;
        }
        end = e;
    }
    if f.class != UnitClass::Count && c2 != UnitClass::Count && (f.class != c2) {
        return Second::None;
    }
    // "rose 18% to 108,000", "up by $720 to $11,800", "fell 3% to $2.1
    // billion": a change and the new level, not a range. A percentage whose
    // second end has no unit, or a "to" after "by" or after a verb of
    // change, ends the first figure.
    let change_before = prev == "by" || prev == "up" || prev == "down" || lex::is_change_verb(prev);
    if sep == "to" && ((f.class == UnitClass::Percent && c2 != UnitClass::Percent) || change_before)
    {
        return Second::None;
    }
    // Phone numbers: 555-1234.
    if dash
        && digits_len(toks, num.start) == 3
        && digits_len(toks, n2.start) == 4
        && is_plain_int(toks, n2.start)
    {
        let mut e = n2.end;
        if lower(toks, e) == "-" && digits_len(toks, e + 1) == 4 {
            e += 2;
        }
        return Second::Skip(e);
    }
    // Dates: 2025-06-10.
    if dash
        && digits_len(toks, num.start) == 4
        && digits_len(toks, n2.start) <= 2
        && lower(toks, n2.end) == "-"
    {
        return Second::Skip(n2.end + 2);
    }
    let v1 = f.value;
    if year_span(toks, f, num, &n2, dash) {
        return Second::Skip(n2.end);
    }
    let small_ints = v1.fract() == 0.0 && v2.fract() == 0.0 && v1 < 1000.0 && v2 < 1000.0;
    if (dash || sep == "to")
        && small_ints
        && f.kind == NumKind::Digits
        && n2.kind == NumKind::Digits
        && f.class == UnitClass::Count
        && c2 == UnitClass::Count
    {
        let tally_ctx = (f.start.saturating_sub(4)..f.start)
            .chain(n2.end..n2.end + 3)
            .any(|p| lex::is_tally_context(word(toks, p)));
        if v1 >= v2 && (dash || tally_ctx) {
            return Second::Tally(n2.end, vec![v1 as u64, v2 as u64]);
        }
        if tally_ctx && dash && v2 < 30.0 {
            return Second::Tally(n2.end, vec![v1 as u64, v2 as u64]);
        }
    }
    // "3 to 4 million": apply the scale to the first end.
    if n2.scaled && !num.scaled && v2 > 0.0 {
        let scale = [1e12, 1e9, 1e6, 1e3]
            .into_iter()
            .find(|s| v2 >= *s && v1 * s <= v2);
        if let Some(s) = scale {
            if v1 < 1000.0 {
                // handled by the caller through value scaling
                return range_scaled(v1 * s, v2, end, c2, code2);
            }
        }
    }
    if v2 <= v1 {
        return Second::None;
    }
    // "from 41,200 jobs in 2022 to 42,050 in 2024": a recent year followed
    // by a count written with a thousands separator is a year and then a
    // count, not a range ("from 1000 to 5000" and "between 2000 and 3000"
    // stay ranges).
    let recent_year = year_token(toks, num.start).is_some_and(|y| (1900.0..=2100.0).contains(&y));
    let separated = toks.get(n2.start).is_some_and(|t| t.lower.contains(','));
    if recent_year && separated {
        return Second::None;
    }
    // "rose from 40 to 55", "will go from $99 to $115": a change between
    // two levels, not a range.
    let verb = if f.start >= 2 {
        word(toks, f.start - 2)
    } else {
        ""
    };
    let movement = matches!(
        verb,
        "go" | "goes"
            | "went"
            | "gone"
            | "going"
            | "move"
            | "moves"
            | "moved"
            | "change"
            | "changes"
            | "changed"
    );
    if from && sep == "to" && (lex::is_change_verb(verb) || movement) {
        return Second::None;
    }
    let _ = &mut v2;
    Second::Range(v2, end, c2, code2)
}

/// A four-digit plain whole number that reads as a year (1000 to 2100).
fn year_token(toks: &[Tok], i: usize) -> Option<f64> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num || t.lower.len() != 4 || !t.lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: f64 = t.lower.parse().ok()?;
    (1000.0..=2100.0).contains(&v).then_some(v)
}

/// A span of years, never a figure: "2025-26", "2014-2017", "from 2014 to
/// 2017", "between 2014 and 2017". Unless a plural noun follows ("1500 to
/// 2000 people"): then the numbers count something.
fn year_span(toks: &[Tok], f: &Found, num: &Num, n2: &Num, dash: bool) -> bool {
    if f.class != UnitClass::Count || num.end != num.start + 1 || n2.end != n2.start + 1 {
        return false;
    }
    let Some(y1) = year_token(toks, num.start) else {
        return false;
    };
    let short = dash
        && digits_len(toks, n2.start) == 2
        && is_plain_int(toks, n2.start)
        && attached(toks, num.end)
        && attached(toks, n2.start)
        && n2.value > y1 % 100.0;
    let long = year_token(toks, n2.start).is_some_and(|y2| y2 > y1 && y2 - y1 <= 100.0);
    let counts = toks.get(n2.end).is_some_and(|n| {
        n.kind == Kind::Word
            && !n.cap
            && n.lower.ends_with('s')
            && n.lower.len() > 3
            && !lex::is_stop(n.lower)
            && !matches!(n.lower, "seasons" | "sessions" | "terms")
    });
    (short || long) && !counts
}

fn range_scaled(_v1: f64, v2: f64, end: usize, c2: UnitClass, code2: Option<String>) -> Second {
    // The first value is rescaled by the caller when it sees value_high much larger.
    Second::Range(v2, end, c2, code2)
}

/// "400 or more", "400 or so", "400+", "200 or greater".
fn post_hedge(toks: &[Tok], j: usize) -> Option<(Hedge, usize)> {
    let w = lower(toks, j);
    let w1 = lower(toks, j + 1);
    if w == "+" && attached(toks, j) {
        return Some((Hedge::AtLeast, j + 1));
    }
    if !matches!(w, "or" | "and") {
        return None;
    }
    let h = match w1 {
        "more" | "greater" | "higher" | "above" | "over" => Hedge::AtLeast,
        "less" | "fewer" | "lower" | "below" | "under" => Hedge::AtMost,
        "so" if w == "or" => Hedge::About,
        _ => return None,
    };
    // "200 or more than 190": the hedge belongs to the next number.
    if number::parse(toks, j + 3).is_some() && lower(toks, j + 2) == "than" {
        return None;
    }
    if lower(toks, j + 2) == "than" {
        // "200 or greater than" at the end of a clause; otherwise the
        // comparison starts a new figure.
        let ends = toks.get(j + 3).is_none_or(|t| t.kind == Kind::Punct);
        return ends.then_some((h, j + 3));
    }
    if matches!(lower(toks, j + 2), "or" | "equal") {
        return None;
    }
    Some((h, j + 2))
}

/// A hedge ending right before token `s` (and not before `floor`).
fn pre_hedge(toks: &[Tok], s: usize, floor: usize, range: bool) -> Option<(Hedge, usize)> {
    if range && s > floor && matches!(word(toks, s - 1), "between" | "from") {
        let start = s - 1;
        // "about 10-20", "between": keep an approximating hedge's start.
        return Some((Hedge::Between, start));
    }
    let mut best: Option<(Hedge, usize)> = None;
    for (phrase, h) in lex::PRE_HEDGES.iter().chain(lex::SIGN_HEDGES.iter()) {
        let n = phrase.len();
        if s < n || s - n < floor || best.is_some_and(|(_, b)| s - b >= n) {
            continue;
        }
        if phrase
            .iter()
            .enumerate()
            .all(|(k, w)| lower(toks, s - n + k) == *w)
        {
            best = Some((*h, s - n));
        }
    }
    if best.is_some() {
        return best;
    }
    if range
        && s > floor
        && matches!(
            word(toks, s - 1),
            "about" | "around" | "roughly" | "approximately"
        )
    {
        return Some((Hedge::Between, s - 1));
    }
    None
}

/// Look-alikes decided from the number and its neighbours: dates, times,
/// ages, ordinals, decades, labels, model names, phone numbers, streets,
/// list numbers. Returns the token to skip to.
fn look_alike(toks: &[Tok], num: &Num, class: UnitClass) -> Option<usize> {
    let s = num.start;
    let e = num.end;
    let first = toks.get(s)?;
    let prev = if s > 0 { toks.get(s - 1) } else { None };
    let prev_w = prev.map(|t| t.lower).unwrap_or("");
    let next = lower(toks, e);
    let digits = first.kind == Kind::Num;
    if digits && class == UnitClass::Count {
        // Glued to letters or a hyphenated name: F-35, COVID-19, I-5, SCP-173.
        if let Some(p) = prev {
            if !first.space && p.kind == Kind::Word {
                return Some(e);
            }
            if !first.space
                && p.lower == "-"
                && s >= 2
                && !p.space
                && toks.get(s - 2).is_some_and(|t| t.kind == Kind::Word)
            {
                return Some(e);
            }
            if p.lower == "(" && next == ")" && digits_len(toks, s) == 3 {
                return Some(skip_digit_groups(toks, e));
            }
            if p.lower == "+" || p.lower == "#" {
                return Some(skip_digit_groups(toks, e));
            }
            if p.lower == ")" && s >= 3 && lower(toks, s - 3) == "(" && digits_len(toks, s - 2) == 3
            {
                return Some(skip_digit_groups(toks, e));
            }
        }
        // Labels: Section 8, Title 42, Route 66, page 5, No. 3.
        if lex::is_label_word(prev_w) {
            return Some(e);
        }
        if prev_w == "."
            && s >= 2
            && matches!(
                lower(toks, s - 2),
                "no" | "nos" | "nr" | "nrs" | "vol" | "p" | "pp"
            )
        {
            return Some(e);
        }
        // Dates: "June 10", "10 June", "5/17/2018".
        if lex::is_month(prev_w) || (lex::is_month(word(toks, e)) && num.end == s + 1) {
            let mut k = e;
            if lex::is_month(word(toks, e)) {
                k += 1;
            }
            if lower(toks, k) == "," && digits_len(toks, k + 1) == 4 {
                k += 2;
            }
            return Some(k);
        }
        if next == "/"
            && attached(toks, e)
            && toks
                .get(e + 1)
                .is_some_and(|t| t.kind == Kind::Num && !t.space)
        {
            let a = toks
                .get(s)
                .and_then(|t| t.lower.parse::<f64>().ok())
                .unwrap_or(0.0);
            let b = toks
                .get(e + 1)
                .and_then(|t| t.lower.parse::<f64>().ok())
                .unwrap_or(0.0);
            let third = lower(toks, e + 2) == "/";
            if third || !(a < b && b <= 10.0) {
                return Some(if third { e + 4 } else { e + 2 });
            }
        }
        // Times: 10:30, 3 p.m., 3pm.
        if next == ":" && attached(toks, e) && toks.get(e + 1).is_some_and(|t| t.kind == Kind::Num)
        {
            return Some(e + 2);
        }
        if matches!(
            next,
            "am" | "pm" | "o'clock" | "a.m" | "p.m" | "gmt" | "et" | "pt" | "utc"
        ) || (matches!(next, "a" | "p")
            && lower(toks, e + 1) == "."
            && lower(toks, e + 2) == "m")
        {
            return Some(e + 1);
        }
        // Ordinals and decades: 1st, 21st, 1990s, the '90s.
        if matches!(next, "st" | "nd" | "rd" | "th" | "s" | "'s") && attached(toks, e) {
            return Some(e + 1);
        }
        // Version numbers and IP addresses: 192.168.1.2.
        if next == "."
            && attached(toks, e)
            && toks
                .get(e + 1)
                .is_some_and(|t| t.kind == Kind::Num && !t.space)
        {
            return Some(skip_digit_groups(toks, e));
        }
        // A list number at the start of a block: "1) ...", "2. ...".
        if s == 0 && matches!(next, ")" | ".") && toks.get(e + 1).is_some_and(|t| t.cap) {
            return Some(e + 1);
        }
        // Streets: 400 Main Street; the 400 block of.
        if word(toks, e) == "block" {
            return Some(e + 1);
        }
        let mut k = e;
        while k < e + 3 && toks.get(k).is_some_and(|t| t.cap && t.kind == Kind::Word) {
            k += 1;
            if lex::is_street_word(&toks.get(k).map(|t| t.lower.to_string()).unwrap_or_default())
                && toks.get(k).is_some_and(|t| t.cap)
            {
                return Some(k + 1);
            }
        }
    }
    // Ages: 45-year-old, 45 years old, aged 45, "Smith, 45, said".
    let w0 = word(toks, e);
    if (next == "-"
        && matches!(word(toks, e + 1), "year" | "month" | "week" | "day")
        && lower(toks, e + 2) == "-"
        && word(toks, e + 3) == "old")
        || (matches!(w0, "year" | "years") && word(toks, e + 1) == "old")
    {
        return Some(e + 2);
    }
    // "aged 18 to 24", "ages 5-11", "range in age from 2 to 81", "between
    // the ages of 18 and 24": the whole range is ages.
    let age_word = |w: &str| matches!(w, "aged" | "age" | "ages");
    if age_word(prev_w)
        || (matches!(prev_w, "from" | "between" | "of") && s >= 2 && age_word(word(toks, s - 2)))
    {
        return Some(skip_range_tail(toks, e));
    }
    if digits
        && prev_w == ","
        && next == ","
        && s >= 2
        && toks
            .get(s - 2)
            .is_some_and(|t| t.cap && t.kind == Kind::Word)
        && toks
            .get(s)
            .and_then(|t| t.lower.parse::<u32>().ok())
            .is_some_and(|v| (1..=110).contains(&v))
    {
        return Some(e);
    }
    // Spelled ordinals: twenty-first.
    if next == "-" && lex::is_ordinal_word(word(toks, e + 1)) {
        return Some(e + 2);
    }
    None
}

/// After the first number of a range ending at `e`: the end of its second
/// number ("to 24", "-11", "and 24"), else `e`.
fn skip_range_tail(toks: &[Tok], e: usize) -> usize {
    if matches!(lower(toks, e), "to" | "-" | "and" | "through") {
        if let Some(n2) = number::parse(toks, e + 1) {
            return n2.end;
        }
    }
    e
}

/// Skip a run of digit groups joined by `-`, `.`, `/` or spaces-free glue.
fn skip_digit_groups(toks: &[Tok], mut e: usize) -> usize {
    let mut n = 0;
    while n < 16
        && matches!(lower(toks, e), "-" | "." | "/" | ")")
        && toks.get(e + 1).is_some_and(|t| t.kind == Kind::Num)
    {
        e += 2;
        n += 1;
    }
    e
}

/// "one" counts only before a noun, never as a pronoun ("the one who",
/// "one of the", "no one").
fn one_counts(toks: &[Tok], num: &Num) -> bool {
    let s = num.start;
    let prev = if s > 0 { lower(toks, s - 1) } else { "" };
    if matches!(
        prev,
        "the"
            | "no"
            | "any"
            | "each"
            | "every"
            | "this"
            | "that"
            | "which"
            | "one"
            | "someone"
            | "anyone"
            | "little"
            | "first"
            | "second"
            | "third"
            | "last"
            | "next"
            | "another"
            | "other"
            | "only"
            | "new"
            | "old"
            | "same"
    ) {
        return false;
    }
    let next = toks.get(num.end);
    match next {
        None => true,
        Some(t) if t.kind == Kind::Word => !matches!(
            t.lower,
            "of" | "who"
                | "that"
                | "which"
                | "another"
                | "is"
                | "was"
                | "you"
                | "i"
                | "do"
                | "does"
                | "the"
                | "a"
                | "an"
                | "and"
                | "or"
                | "but"
                | "thing"
                | "way"
                | "side"
                | "hand"
                | "day"
                | "time"
                | "point"
                | "another's"
                | "by"
        ),
        Some(_) => false,
    }
}

/// Years: a four-digit whole number from 1000 to 2100 without separators,
/// no currency or unit, no hedge, and not counting a plural noun.
fn is_year(toks: &[Tok], f: &Found, num: &Num) -> bool {
    if f.kind != NumKind::Digits || num.end != num.start + 1 || f.class != UnitClass::Count {
        return false;
    }
    let Some(t) = toks.get(num.start) else {
        return false;
    };
    if t.lower.len() != 4 || !t.lower.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    if !(1000.0..=2100.0).contains(&f.value) {
        return false;
    }
    // "below 2019 levels", "above its 2008 peak", "2019 figures": a year
    // naming the baseline of a comparison, hedged or not. (A count of 1,900
    // to 2,100 things is written with a separator.)
    if (1900.0..=2100.0).contains(&f.value)
        && f.hedge != Hedge::Between
        && toks.get(num.end).is_some_and(|n| {
            n.kind == Kind::Word
                && matches!(
                    n.lower,
                    "level"
                        | "levels"
                        | "peak"
                        | "peaks"
                        | "high"
                        | "highs"
                        | "low"
                        | "lows"
                        | "figures"
                        | "rates"
                        | "prices"
                        | "baseline"
                        | "totals"
                )
        })
    {
        return true;
    }
    if f.hedge != Hedge::None && f.hedge != Hedge::Between {
        return false;
    }
    if f.hedge == Hedge::Between {
        // "2020-2024" is a span of years; "1000-5000" and "1500 to 2000
        // workers" are not.
        let counts = toks.get(f.key_from).is_some_and(|n| {
            n.kind == Kind::Word && !n.cap && n.lower.ends_with('s') && !lex::is_stop(n.lower)
        });
        return !counts
            && f.value_high
                .is_some_and(|h| (1000.0..=2100.0).contains(&h) && h.fract() == 0.0);
    }
    let prev = if num.start > 0 {
        word(toks, num.start - 1)
    } else {
        ""
    };
    let next = toks.get(num.end);
    let counts_plural = next.is_some_and(|n| {
        n.kind == Kind::Word
            && !n.cap
            && n.lower.ends_with('s')
            && n.lower.len() > 3
            && !lex::is_stop(n.lower)
    });
    let year_prep = matches!(
        prev,
        "in" | "since"
            | "by"
            | "until"
            | "from"
            | "of"
            | "the"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "through"
            | "to"
            | "and"
            | "between"
            | "year"
    );
    !counts_plural || year_prep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::text::normalize;

    fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                texts(&p, out);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }

    /// The quick rejection in [`at`] never hides a figure or a look-alike:
    /// on every fixture, wherever `may_start` says no, the full scan finds
    /// nothing either.
    #[test]
    fn may_start_is_necessary_on_every_fixture() {
        let mut all = Vec::new();
        texts(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut all,
        );
        all.push("a dozen, an estimated half, several scores of USD 5, US$ 3, Rs. 4".into());
        assert!(all.len() > 100);
        let mut checked = 0;
        for text in &all {
            for line in text.lines() {
                let norm = normalize(line);
                let lower = norm.to_ascii_lowercase();
                let toks = crate::claims::quantity::tokens::tokenize(&norm, &lower);
                for (i, t) in toks.iter().enumerate() {
                    if !may_start(t) {
                        checked += 1;
                        assert!(
                            matches!(at_start(&toks, i, 0), Outcome::None),
                            "{:?} in {line:?}",
                            t.lower
                        );
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
