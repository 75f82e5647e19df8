//! The counted thing of a figure, its time or source anchor, change markers,
//! and the comparison key that folds stems and synonyms.

use std::sync::LazyLock;

use regex::Regex;

use super::lex;
use super::number::NumKind;
use super::scan::Found;
use super::tokens::{Kind, Tok};
use super::{Figure, UnitClass};

fn lower<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower).unwrap_or("")
}

fn word<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower)
        .unwrap_or("")
}

/// A counted thing: normalised words and the token range they came from.
#[derive(Debug, Clone)]
pub struct KeyHit {
    pub key: String,
    pub start: usize,
    pub end: usize,
}

fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "were" | "was" | "are" | "is" | "been" | "being" | "be" | "got" | "get"
    )
}

fn plural_looking(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        || matches!(
            w,
            "people"
                | "men"
                | "women"
                | "children"
                | "police"
                | "staff"
                | "personnel"
                | "cattle"
                | "youth"
        )
}

fn can_be_noun(t: &Tok) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.lower;
    if lex::is_stop(w) || lex::small_word(w).is_some() || lex::scale_word(w, false).is_some() {
        return false;
    }
    if lex::is_month(w) && t.cap {
        return false;
    }
    if w.len() > 4 && w.ends_with("ly") && !lex::is_ly_noun(w) {
        return false;
    }
    if (w.ends_with("ing") || w.ends_with("ed")) && !lex::is_ed_ing_noun(w) {
        return false;
    }
    true
}

/// The counted thing after the figure, from token `p`.
pub fn after(toks: &[Tok], f: &Found) -> Option<KeyHit> {
    if let Some((k, at)) = &f.compound_key {
        // "a 42,000-seat stadium": the compound noun is the thing.
        return Some(KeyHit {
            key: k.clone(),
            start: *at,
            end: at + 1,
        });
    }
    let mut p = f.key_from;
    match f.class {
        UnitClass::Count => {}
        UnitClass::Percent if f.kind == NumKind::Share => {}
        UnitClass::Percent | UnitClass::PercentagePoints => {
            // "40 percent of voters"
            if lower(toks, p) != "of" {
                return None;
            }
        }
        UnitClass::Currency => {
            // "$48 million in aid", "a $3.5 billion budget"; a noun right
            // after an amount is often a verb ("$5 million funds ...").
            let det = f.start > 0
                && matches!(
                    lower(toks, f.start - 1),
                    "a" | "an" | "the" | "its" | "their" | "his" | "her"
                );
            if lower(toks, p) == "in" {
                p += 1;
            } else if !det {
                return None;
            }
        }
        _ => return None,
    }
    // Skip "more", "additional", "new", "of the", possessives, and a
    // hyphenated modifier before a noun ("year-round shelter beds").
    let mut skipped = 0;
    let mut of = false;
    let is_num = |i: usize| toks.get(i).is_some_and(|t| t.kind == Kind::Num);
    while skipped < 4 {
        let w = lower(toks, p);
        let hyphenated = toks.get(p).is_some_and(|t| t.kind == Kind::Word)
            && lower(toks, p + 1) == "-"
            && toks.get(p + 1).is_some_and(|t| !t.space)
            && toks
                .get(p + 2)
                .is_some_and(|t| !t.space && t.kind == Kind::Word)
            && toks.get(p + 3).is_some_and(can_be_noun);
        if lex::is_key_skip(w)
            || (w.ends_with("'s") && toks.get(p + 1).is_some_and(|t| can_be_noun(t)))
            || (of && w.ends_with("'s") && is_num(p + 1))
        {
            of |= w == "of";
            p += 1;
            skipped += 1;
        } else if hyphenated {
            p += 3;
            skipped += 1;
        } else {
            break;
        }
    }
    // "almost 20 of the system's 23 branches": the partitive's whole names
    // the thing.
    if of && is_num(p) {
        p += 1;
    }
    noun_phrase(toks, p)
}

/// A short noun phrase starting at `p`, with a trailing participle joined
/// ("officers injured") and passive forms mapped to their event noun.
pub fn noun_phrase(toks: &[Tok], start: usize) -> Option<KeyHit> {
    let mut words: Vec<String> = Vec::new();
    let mut p = start;
    let mut end = start;
    let mut prev_cap = false;
    let mut last_plural = false;
    while words.len() < 4 {
        let Some(t) = toks.get(p) else { break };
        if t.kind != Kind::Word {
            break;
        }
        let w = t.lower;
        // A participle before its noun modifies it and stays in the key:
        // "60 confirmed cases", "14,000 pending permit applications". An
        // event participle is written after the noun, as the passive and
        // the trailing form give it: "nine injured officers" counts
        // "officers injured".
        if words.is_empty() && is_participle(w) {
            if let Some(head_end) = prenominal_head(toks, p + 1) {
                if lex::joins_key(w) {
                    let mut key: Vec<&str> = (p + 1..head_end).map(|i| lower(toks, i)).collect();
                    key.push(w);
                    return Some(KeyHit {
                        key: key.join(" "),
                        start: p,
                        end: head_end,
                    });
                }
                let key: Vec<&str> = (p..head_end).map(|i| lower(toks, i)).collect();
                return Some(KeyHit {
                    key: key.join(" "),
                    start: p,
                    end: head_end,
                });
            }
        }
        // A participle: join it to a noun, or take its event noun.
        if (w.ends_with("ed") || matches!(w, "dead" | "hurt" | "missing"))
            && !lex::is_ed_ing_noun(w)
        {
            if let Some(n) = lex::nominal(w) {
                if words.is_empty() {
                    return Some(KeyHit {
                        key: n.to_string(),
                        start: p,
                        end: p + 1,
                    });
                }
            }
            if !words.is_empty() && lex::joins_key(w) {
                let generic = words.last().is_some_and(|h| lex::is_generic_head(h));
                if generic {
                    if let Some(n) = lex::nominal(w) {
                        return Some(KeyHit {
                            key: n.to_string(),
                            start,
                            end: p + 1,
                        });
                    }
                }
                words.push(w.to_string());
                end = p + 1;
            }
            break;
        }
        if !can_be_noun(t) {
            break;
        }
        if !words.is_empty() && t.cap && !prev_cap {
            break;
        }
        if last_plural {
            break;
        }
        words.push(w.to_string());
        end = p + 1;
        prev_cap = t.cap;
        last_plural = !t.cap && plural_looking(w);
        p += 1;
    }
    if words.is_empty() {
        // "400 were arrested"
        return passive(toks, start, None).map(|k| KeyHit {
            key: k,
            start,
            end: start,
        });
    }
    // "400 people were arrested", "nine officers were injured"
    let head = words.last().cloned().unwrap_or_default();
    if let Some((k, e)) = passive_at(toks, end) {
        if lex::is_generic_head(&head) {
            if let Some(n) = lex::nominal(&k) {
                return Some(KeyHit {
                    key: n.to_string(),
                    start,
                    end: e,
                });
            }
        } else if lex::joins_key(&k) {
            words.push(k);
            return Some(KeyHit {
                key: words.join(" "),
                start,
                end: e,
            });
        }
    }
    Some(KeyHit {
        key: words.join(" "),
        start,
        end,
    })
}

/// A word that reads as a participle or verb form: "-ed", "-ing" (not a
/// noun such as "building"), and the irregular "dead", "hurt", "missing".
fn is_participle(w: &str) -> bool {
    (w.ends_with("ed") || w.ends_with("ing") || matches!(w, "dead" | "hurt" | "missing"))
        && !lex::is_ed_ing_noun(w)
}

/// After a prenominal participle at `p - 1`: the end of the noun it
/// modifies, when up to two plain nouns lead to a plural head right away
/// ("cases", "permit applications"). `None` when the participle is a verb
/// ("400 gathered outside city hall").
fn prenominal_head(toks: &[Tok], p: usize) -> Option<usize> {
    for q in p..p + 3 {
        let t = toks.get(q)?;
        if !can_be_noun(t) || t.cap {
            return None;
        }
        if plural_looking(t.lower) {
            return Some(q + 1);
        }
    }
    None
}

/// After an auxiliary at `p` (optionally one adverb): the participle and
/// the token after it.
fn passive_at(toks: &[Tok], p: usize) -> Option<(String, usize)> {
    let mut q = p;
    let mut n = 0;
    while n < 2 && (is_aux(word(toks, q)) || matches!(word(toks, q), "have" | "has" | "had")) {
        q += 1;
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let w = word(toks, q);
    if w.len() > 4 && w.ends_with("ly") {
        q += 1;
    }
    let w = word(toks, q);
    (lex::joins_key(w)).then(|| (w.to_string(), q + 1))
}

fn passive(toks: &[Tok], p: usize, _head: Option<&str>) -> Option<String> {
    let (w, _) = passive_at(toks, p)?;
    lex::nominal(&w).map(str::to_string)
}

/// The counted thing named before the figure: "Arrests: 400", "the number
/// of arrests reached 400", "arrests totaled 400".
pub fn before(toks: &[Tok], start: usize, floor: usize) -> Option<KeyHit> {
    if start < floor + 2 {
        return None;
    }
    let p = start - 1;
    let single = |i: usize| -> Option<KeyHit> {
        let t = toks.get(i)?;
        (can_be_noun(t) && plural_looking(t.lower)).then(|| KeyHit {
            key: t.lower.to_string(),
            start: i,
            end: i + 1,
        })
    };
    if lower(toks, p) == ":" {
        return single(p - 1);
    }
    let verb = lower(toks, p);
    let (verb_start, ok) = match verb {
        "totaled" | "totalled" | "numbered" | "reached" | "topped" | "hit" | "exceeded" => {
            (p, true)
        }
        "to" if matches!(
            lower(toks, p.wrapping_sub(1)),
            "rose" | "climbed" | "grew" | "jumped" | "increased"
        ) =>
        {
            (p - 1, true)
        }
        "at" if lower(toks, p.wrapping_sub(1)) == "stood" => (p - 1, true),
        _ => (p, false),
    };
    if !ok || verb_start < floor + 1 {
        return None;
    }
    let mut q = verb_start - 1;
    if matches!(lower(toks, q), "has" | "have" | "had") && q > floor {
        q -= 1;
    }
    // "the number of arrests"
    if q >= floor + 2
        && lower(toks, q - 1) == "of"
        && matches!(lower(toks, q - 2), "number" | "total" | "count")
    {
        return single(q);
    }
    if q > floor && matches!(lower(toks, q - 1), "," | ";") {
        return None;
    }
    single(q)
}

/// A light stem: plural nouns to singular, so "arrest" and "arrests" agree.
pub fn stem(w: &str) -> String {
    match w {
        "people" | "persons" => return "person".into(),
        "men" => return "man".into(),
        "women" => return "woman".into(),
        "children" => return "child".into(),
        "police" | "news" | "series" | "species" => return w.into(),
        _ => {}
    }
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{s}y");
    }
    for suf in ["ches", "shes", "sses", "xes"] {
        if let Some(s) = w.strip_suffix(suf) {
            return format!("{s}{}", &suf[..suf.len() - 2]);
        }
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Synonyms that count the same thing. Deliberately small: casualties are
/// not deaths, charges are not arrests.
fn synonym(stemmed: &str) -> &str {
    match stemmed {
        "troop" | "soldier" | "servicemember" | "service member" => "troop",
        "death" | "fatality" | "killed" | "dead" | "people killed" | "person killed" => "death",
        "arrest" | "people arrested" | "person arrested" => "arrest",
        "injury" | "people injured" | "person injured" => "injury",
        "organizer" | "organiser" => "organizer",
        "protestor" | "protester" => "protester",
        other => other,
    }
}

/// The key used to decide whether two figures count the same thing: every
/// word stemmed, British spellings folded, then synonyms folded.
pub fn compare_key(key: &str) -> String {
    let words: Vec<String> = key
        .split_whitespace()
        .map(|w| stem(&w.replace("ise", "ize").replace("our", "or")))
        .collect();
    let joined = words.join(" ");
    synonym(&joined).to_string()
}

/// Whether two figures are about the same thing: equal comparison keys,
/// the same unit (and currency), both levels or both changes, and anchors
/// that do not disagree.
pub fn same_thing(a: &Figure, b: &Figure) -> bool {
    let (Some(ka), Some(kb)) = (&a.key, &b.key) else {
        return false;
    };
    if a.unit != b.unit || a.change != b.change {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.anchor, &b.anchor) {
        if x != y {
            return false;
        }
    }
    compare_key(ka) == compare_key(kb)
}

/// True when the figure describes a change rather than a level.
pub fn is_change(toks: &[Tok], f: &Found, floor: usize) -> bool {
    let s = f.start;
    let b1 = if s > floor { lower(toks, s - 1) } else { "" };
    let b2 = if s > floor + 1 {
        lower(toks, s - 2)
    } else {
        ""
    };
    let unit_like = matches!(
        f.class,
        UnitClass::Percent | UnitClass::PercentagePoints | UnitClass::Currency
    );
    let before = match b1 {
        "another" | "additional" | "further" | "extra" => true,
        "up" | "down" => unit_like || matches!(b2, "is" | "was" | "are" | "were" | "," | "shares"),
        "by" => lex::is_change_verb(b2),
        "of" => lex::is_change_noun(b2) && b2 != "more",
        w => {
            lex::is_change_verb(w) && !matches!(w, "lost" | "cut" | "added" | "raised")
                || (unit_like && lex::is_change_verb(w))
        }
    };
    let after = matches!(word(toks, f.end), "more" | "additional" | "extra")
        || (unit_like && lex::is_change_noun(word(toks, f.end)) && word(toks, f.end) != "more");
    before || after
}

static TIME_RE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries: the text is ASCII-lower-cased, and Unicode
    // boundaries force the slow backtracking engine.
    Regex::new(concat!(
        r"(?-u)\b(?:(?:in|during|for|from|between|since|through|by|over|of) )?(?:the )?(?:fiscal )?",
        r"((?:19|20)\d\d)(?:[-/](\d\d)|(?: ?- ?| to | through | and )((?:19|20)\d\d))\b",
        r"|\b(?:(in|during|since|by|through|until|as of|for) (?:(?:early|late|mid)[ -])?",
        r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?((?:19|20)\d\d)\b",
        r"|(last|this|next|past|earlier this|later this) (year|month|week|weekend|spring|summer|fall|autumn|winter|",
        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|night)\b",
        r"|\bon (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        r"|\b(so far(?: this (?:year|month|week))?|to date|as of (?:now|today|this week)|yesterday|today|tonight|overnight|this morning|this afternoon|this evening)\b)"
    ))
    .expect("time anchor regex")
});

static SOURCE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let who = r"(police|officials|organi[sz]ers|authorities|officers|prosecutors|witnesses|researchers|analysts|experts|the (?:police )?department|the city|the sheriff's department|the sheriff|the agency|the government|the state|the county|the ministry|the white house|the pentagon|dhs|ice|fema|the report|the survey|the poll|the study|estimates|the coroner|hospital officials|city officials|state officials|federal officials|local officials)";
    Regex::new(&format!(
        r"(?-u)\b{who} (?:say|says|said|reported|report|estimated|estimate|counted|tallied)\b|\b(?:said|says|say|reported) {who}\b|\baccording to ((?:the )?[a-z][a-z'-]*(?: [a-z][a-z'-]*){{0,3}})"
    ))
    .expect("source anchor regex")
});

/// An anchor found in a block: its byte range in the normalised block text
/// and its normalised wording.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: AnchorKind,
}

/// What an anchor names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorKind {
    Time,
    Place,
    Source,
}

/// Every time and source anchor of a block (ASCII-lower-cased normalised
/// text, so byte offsets match the normalised text).
pub fn anchors(lower_text: &str) -> Vec<Anchor> {
    let mut out = Vec::new();
    for c in TIME_RE.captures_iter(lower_text) {
        let Some(m) = c.get(0) else { continue };
        let text = if let Some(y1) = c.get(1) {
            // A span of years, in one form: "in 2025-2026".
            let first: u32 = y1.as_str().parse().unwrap_or(0);
            let second: u32 = match (c.get(2), c.get(3)) {
                (Some(short), _) => {
                    let s: u32 = short.as_str().parse().unwrap_or(0);
                    first - first % 100 + s
                }
                (None, Some(long)) => long.as_str().parse().unwrap_or(0),
                (None, None) => first,
            };
            if second <= first {
                continue;
            }
            format!("in {first}-{second}")
        } else if let (Some(p), Some(y)) = (c.get(4), c.get(5)) {
            let prep = match p.as_str() {
                "during" => "in",
                other => other,
            };
            format!("{prep} {}", y.as_str())
        } else {
            m.as_str().split_whitespace().collect::<Vec<_>>().join(" ")
        };
        out.push(Anchor {
            start: m.start(),
            end: m.end(),
            text,
            kind: AnchorKind::Time,
        });
    }
    for c in SOURCE_RE.captures_iter(lower_text) {
        let Some(m) = c.get(0) else { continue };
        let who = c
            .get(1)
            .or_else(|| c.get(2))
            .map(|m| m.as_str().to_string());
        let text = if let Some(w) = who {
            format!("{} say", w.replace("organis", "organiz"))
        } else if let Some(a) = c.get(3) {
            let words: Vec<&str> = a
                .as_str()
                .split_whitespace()
                .take_while(|w| !lex::is_stop(w) || *w == "the")
                .collect();
            let mut words = words;
            if words.first() == Some(&"the") {
                words.remove(0);
            }
            if words.is_empty() {
                continue;
            }
            format!(
                "according to {}",
                words.join(" ").replace("organis", "organiz")
            )
        } else {
            continue;
        };
        out.push(Anchor {
            start: m.start(),
            end: m.end(),
            text,
            kind: AnchorKind::Source,
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// Place anchors: "in", "at", "across" or "throughout" followed by one to
/// three capitalised words that name no month, weekday, language or
/// article ("in Albuquerque", "across Los Angeles County"), as `in
/// <place>`. `toks` is the block's tokens; offsets are the block's.
pub fn place_anchors(toks: &[Tok]) -> Vec<Anchor> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < toks.len() {
        if !matches!(word(toks, i), "in" | "at" | "across" | "throughout") {
            i += 1;
            continue;
        }
        let mut names: Vec<&str> = Vec::new();
        let mut j = i + 1;
        while names.len() < 3 {
            let Some(t) = toks
                .get(j)
                .filter(|t| t.kind == Kind::Word && t.cap && t.space)
            else {
                break;
            };
            let w = t.lower.strip_suffix("'s").unwrap_or(t.lower);
            if not_a_place(w) {
                break;
            }
            names.push(w);
            j += 1;
            if w.len() != t.lower.len() {
                break;
            }
        }
        if let (false, Some(first), Some(last)) = (names.is_empty(), toks.get(i), toks.get(j - 1)) {
            out.push(Anchor {
                start: first.start,
                end: last.end,
                text: format!("in {}", names.join(" ")),
                kind: AnchorKind::Place,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Capitalised words after "in" that name no place.
fn not_a_place(w: &str) -> bool {
    lex::is_month(w)
        || lex::is_stop(w)
        || matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "english"
                | "spanish"
                | "french"
                | "chinese"
                | "arabic"
                | "german"
                | "i"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "chapter"
                | "section"
                | "phase"
                | "part"
                | "week"
                | "game"
                | "round"
                | "year"
        )
}

/// Where one figure of a block sits, for anchor attribution: its start,
/// the end of its noun phrase (the figure, or its counted thing when that
/// follows), and its sentence, all in normalised block offsets.
#[derive(Debug, Clone)]
pub struct Place {
    pub start: usize,
    pub phrase_end: usize,
    pub sentence: std::ops::Range<usize>,
}

/// The anchor of every figure of a block (`places` in source order): the
/// nearest time, place and source anchors in the figure's clause, joined as
/// `time, place, source` (`on tuesday, in albuquerque, police say`). A time
/// part is a phrase such as `in 2024`, `in 2025-2026`, `on tuesday`, `so
/// far`; a place part is `in <place>` with no digit; a source part is `<who>
/// say` or `according to <who>`. Place anchors follow the time rules below.
///
/// A time phrase that directly follows a figure's noun phrase belongs to
/// that figure alone ("900 meals on Tuesday and 1,500 meals on Wednesday").
/// Any other time anchor belongs to a figure only when no other figure lies
/// between them, except a fronted one ("On Tuesday, ...", "So far, ..."),
/// which frames its whole sentence.
pub fn assign_anchors(anchors: &[Anchor], places: &[Place], text: &str) -> Vec<Option<String>> {
    let index = AnchorIndex::new(anchors, places, text);
    // Figures of one sentence share its fronted zone.
    let mut front_cache: Option<(usize, Option<usize>)> = None;
    places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let prev_start = i
                .checked_sub(1)
                .and_then(|j| places.get(j))
                .map(|q| q.start);
            let next_start = places.get(i + 1).map(|q| q.start);
            let front_end = match front_cache {
                Some((s, e)) if s == p.sentence.start => e,
                _ => {
                    let e = ws_end(text, p.sentence.start);
                    front_cache = Some((p.sentence.start, e));
                    e
                }
            };
            let own = |ix: usize, a: &Anchor| {
                let fronted = is_fronted(a, &p.sentence, front_end, text);
                match index.owner.get(ix).copied().flatten() {
                    Some(o) => o == i,
                    None if a.end <= p.start => fronted || prev_start.is_none_or(|s| s < a.end),
                    None => next_start.is_none_or(|s| s >= a.start),
                }
            };
            let parts: Vec<&str> = [
                pick(
                    anchors,
                    p,
                    text,
                    &index,
                    i,
                    front_end,
                    AnchorKind::Time,
                    own,
                ),
                pick(
                    anchors,
                    p,
                    text,
                    &index,
                    i,
                    front_end,
                    AnchorKind::Place,
                    own,
                ),
                pick(
                    anchors,
                    p,
                    text,
                    &index,
                    i,
                    front_end,
                    AnchorKind::Source,
                    |_, _| true,
                ),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        })
        .collect()
}

/// The end of the whitespace run at `from` (`None` off a char boundary).
fn ws_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    Some(from + rest.len() - rest.trim_start().len())
}

/// What `assign_anchors` looks up per figure, built once per block so that
/// a sentence of many figures and anchors costs O(n log n), not
/// figures × anchors × length (issue 16).
struct AnchorIndex {
    /// Byte offsets of every `;` (clause bounds), sorted.
    semis: Vec<usize>,
    /// The figure each anchor directly follows, if any (by anchor index).
    owner: Vec<Option<usize>>,
    /// The anchors each figure owns.
    owned: Vec<Vec<usize>>,
    /// Per kind (time, place, source): the indices a nearest-anchor search
    /// may step through: unowned time and place anchors, every source
    /// anchor. In start order; `ordered` says whether their ends strictly
    /// increase too (anchors of one kind never overlap, so they do).
    lists: [Vec<usize>; 3],
    ordered: [bool; 3],
}

fn kind_ix(kind: AnchorKind) -> usize {
    match kind {
        AnchorKind::Time => 0,
        AnchorKind::Place => 1,
        AnchorKind::Source => 2,
    }
}

impl AnchorIndex {
    fn new(anchors: &[Anchor], places: &[Place], text: &str) -> Self {
        let semis = text.match_indices(';').map(|(i, _)| i).collect();
        let ws_after: Vec<Option<usize>> =
            places.iter().map(|p| ws_end(text, p.phrase_end)).collect();
        // The figure an anchor directly follows: its noun phrase ends
        // where only whitespace separates it from the anchor.
        let owner: Vec<Option<usize>> = anchors
            .iter()
            .map(|a| {
                let ix = places.partition_point(|p| p.phrase_end <= a.start);
                let j = ix.checked_sub(1)?;
                let (p, end) = (places.get(j)?, ws_after.get(j).copied().flatten()?);
                (p.phrase_end <= a.start && a.start <= end && text.is_char_boundary(a.start))
                    .then_some(j)
            })
            .collect();
        let mut owned = vec![Vec::new(); places.len()];
        let mut lists: [Vec<usize>; 3] = Default::default();
        for (ix, a) in anchors.iter().enumerate() {
            let o = owner.get(ix).copied().flatten();
            if let Some(list) = o
                .filter(|_| a.kind != AnchorKind::Source)
                .and_then(|o| owned.get_mut(o))
            {
                list.push(ix);
            } else if let Some(list) = lists.get_mut(kind_ix(a.kind)) {
                list.push(ix);
            }
        }
        let ordered = [0, 1, 2].map(|k| {
            let mut all = anchors.iter().filter(|a| kind_ix(a.kind) == k);
            let mut prev = all.next().map(|a| a.end);
            all.all(|a| {
                let ok = prev.is_some_and(|e| e < a.end);
                prev = Some(a.end);
                ok
            })
        });
        AnchorIndex {
            semis,
            owner,
            owned,
            lists,
            ordered,
        }
    }

    /// Whether `text[lo..hi]` exists and holds no `;`.
    fn no_semicolon(&self, text: &str, lo: usize, hi: usize) -> bool {
        lo <= hi
            && text.is_char_boundary(lo)
            && text.is_char_boundary(hi)
            && self.semis.partition_point(|&s| s < lo) == self.semis.partition_point(|&s| s < hi)
    }

    /// The anchors of one kind that may be the nearest one of figure `i`:
    /// its own, the fronted ones of its sentence, and the nearest
    /// before and after it. Every other anchor is farther than one of these
    /// or fails the same test one of these fails. In index order.
    fn candidates(
        &self,
        anchors: &[Anchor],
        p: &Place,
        i: usize,
        front_end: Option<usize>,
        kind: AnchorKind,
    ) -> Vec<usize> {
        let k = kind_ix(kind);
        let first = anchors.partition_point(|a| a.start < p.sentence.start);
        let last = anchors
            .partition_point(|a| a.start < p.sentence.end)
            .max(first);
        let of_kind = |ix: &usize| anchors.get(*ix).is_some_and(|a| a.kind == kind);
        if !self.ordered.get(k).copied().unwrap_or(false) {
            return (first..last).filter(of_kind).collect();
        }
        let list = self.lists.get(k).map_or(&[][..], Vec::as_slice);
        let mut out: Vec<usize> = Vec::new();
        if kind != AnchorKind::Source {
            out.extend(
                self.owned
                    .get(i)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(of_kind),
            );
            if let Some(e) = front_end {
                let from = list.partition_point(|&ix| at_start(anchors, ix) < p.sentence.start);
                let zone = list.get(from..).unwrap_or(&[]);
                out.extend(
                    zone.iter()
                        .copied()
                        .take_while(|&ix| at_start(anchors, ix) <= e),
                );
            }
        }
        let lim = p.start.min(p.sentence.end);
        let before = list.partition_point(|&ix| anchors.get(ix).is_some_and(|a| a.end <= lim));
        if let Some(j) = before.checked_sub(1) {
            out.extend(list.get(j).copied());
        }
        let after = list.partition_point(|&ix| at_start(anchors, ix) < p.start);
        out.extend(list.get(after).copied());
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn at_start(anchors: &[Anchor], ix: usize) -> usize {
    anchors.get(ix).map_or(usize::MAX, |a| a.start)
}

/// An anchor that opens its sentence: "On Tuesday, police ...", "So far,
/// fewer than 50 ...". `front_end` is the end of the whitespace at the
/// sentence's start.
fn is_fronted(
    a: &Anchor,
    sentence: &std::ops::Range<usize>,
    front_end: Option<usize>,
    text: &str,
) -> bool {
    front_end.is_some_and(|e| sentence.start <= a.start && a.start <= e)
        && text.is_char_boundary(a.start)
}

/// The nearest anchor of one kind in the figure's sentence and clause that
/// `may` allows.
#[allow(clippy::too_many_arguments)]
fn pick<'a>(
    anchors: &'a [Anchor],
    p: &Place,
    text: &str,
    index: &AnchorIndex,
    i: usize,
    front_end: Option<usize>,
    kind: AnchorKind,
    may: impl Fn(usize, &Anchor) -> bool,
) -> Option<&'a str> {
    let pos = p.start;
    let clause_ok = |a: &Anchor| {
        let (lo, hi) = if a.end <= pos {
            (a.end, pos)
        } else {
            (pos, a.start)
        };
        index.no_semicolon(text, lo, hi)
    };
    let candidates = index.candidates(anchors, p, i, front_end, kind);
    crate::work::tick(candidates.len());
    candidates
        .into_iter()
        .filter_map(|ix| Some((ix, anchors.get(ix)?)))
        .filter(|(_, a)| {
            a.start >= p.sentence.start
                && a.start < p.sentence.end
                && a.kind == kind
                && a.end <= p.sentence.end
        })
        .filter(|&(ix, a)| clause_ok(a) && may(ix, a))
        .min_by_key(|(_, a)| {
            if a.end <= pos {
                pos - a.end
            } else {
                a.start.saturating_sub(pos)
            }
        })
        .map(|(_, a)| a.text.as_str())
}
