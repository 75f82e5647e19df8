//! Reading one number at a token position: digits with scale words, spelled
//! numbers, fractions, shares and vague quantities.

use super::lex;
use super::tokens::{num_value, Kind, Tok};

/// What kind of number was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumKind {
    /// Digits, possibly with a scale word: `2,000`, `3.5bn`.
    Digits,
    /// Spelled out: `nine`, `four hundred and fifty`, `a dozen`.
    Words,
    /// A fraction not followed by "of": `two thirds` (value 0.667).
    Fraction,
    /// A share of a group, as a percentage: `a third of`, `one in four`.
    Share,
    /// `dozens`, `hundreds`, `a handful`, `several`: low and high end.
    Vague(f64, Option<f64>),
}

#[derive(Debug, Clone, Copy)]
pub struct Num {
    pub value: f64,
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub kind: NumKind,
    /// True when the number is the single word "one".
    pub bare_one: bool,
    /// True when a scale word (million, k, bn) is part of it.
    pub scaled: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Unit,
    Tens,
    Digits,
    Hundred,
    Big,
    And,
    Hyphen,
}

fn word<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.lower)
        .unwrap_or("")
}

fn lower<'a>(toks: &[Tok<'a>], i: usize) -> &'a str {
    toks.get(i).map(|t| t.lower).unwrap_or("")
}

fn attached(toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| !t.space)
}

/// Whether [`parse`] can read a number that starts with the word `w`: one
/// of the words [`special`] matches, a vague quantity, or a number word.
/// Keep in step with `special` (a test checks it on every fixture).
pub fn may_start_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "half" | "quarter" | "tens" | "hundreds" | "several"
    ) || lex::vague(w).is_some()
        || lex::small_word(w).is_some()
}

/// Read a number starting exactly at token `i`.
pub fn parse(toks: &[Tok], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    if t.kind == Kind::Word {
        if let Some(n) = special(toks, i) {
            return Some(n);
        }
        lex::small_word(t.lower)?;
    } else if t.kind != Kind::Num {
        return None;
    }
    if let Some(f) = digit_fraction(toks, i) {
        return Some(f);
    }
    let mut n = cardinal(toks, i)?;
    // "2 1/4": a whole number and a fraction.
    if n.kind == NumKind::Digits && !n.scaled && n.value.fract() == 0.0 {
        if let Some(f) = digit_fraction(toks, n.end).filter(|f| f.kind == NumKind::Fraction) {
            if toks.get(n.end).is_some_and(|t| t.space) {
                return Some(Num {
                    value: n.value + f.value,
                    end: f.end,
                    ..n
                });
            }
        }
    }
    // "one and a half", "3 million and a half"
    if lower(toks, n.end) == "and" && matches!(word(toks, n.end + 1), "a" | "one") {
        let frac = match word(toks, n.end + 2) {
            "half" => Some(0.5),
            "quarter" => Some(0.25),
            "third" => Some(1.0 / 3.0),
            _ => None,
        };
        if let Some(f) = frac {
            let unit = if n.scaled { big_unit(n.value) } else { 1.0 };
            n.value += f * unit;
            n.end += 3;
            // "five and a half million"
            if !n.scaled {
                if let Some(s) = lex::scale_word(word(toks, n.end), false).filter(|s| *s >= 1e3) {
                    n.value *= s;
                    n.end += 1;
                    n.scaled = true;
                }
            }
        }
    }
    // "two thirds", "two-thirds", "three quarters"
    if n.kind == NumKind::Words && !n.scaled {
        let mut j = n.end;
        if lower(toks, j) == "-" && attached(toks, j) && attached(toks, j + 1) {
            j += 1;
        }
        let den_word = word(toks, j);
        if let Some(d) = lex::denominator_word(den_word) {
            let plural = den_word.ends_with('s') || n.value == 1.0;
            if plural && n.value < d && den_word != "half" {
                return Some(fraction(toks, i, j + 1, n.value / d));
            }
        }
    }
    // "one in four", "1 in 5", "one out of three"
    if n.value >= 1.0 && n.value.fract() == 0.0 && !n.scaled {
        let mut j = n.end;
        let ok = match lower(toks, j) {
            "in" => {
                j += 1;
                true
            }
            "out" if lower(toks, j + 1) == "of" => {
                j += 2;
                true
            }
            _ => false,
        };
        if ok {
            if let Some(d) = cardinal(toks, j) {
                if d.value > n.value && d.value <= 1000.0 && !d.scaled {
                    return Some(Num {
                        value: 100.0 * n.value / d.value,
                        start: i,
                        end: d.end,
                        kind: NumKind::Share,
                        bare_one: false,
                        scaled: false,
                    });
                }
            }
        }
    }
    Some(n)
}

/// "3/4", "1/4 of": digits over digits, a proper fraction with a
/// denominator up to 10 (larger ones are read as dates by the scanner).
fn digit_fraction(toks: &[Tok], i: usize) -> Option<Num> {
    let a = toks.get(i).filter(|t| t.kind == Kind::Num)?;
    if lower(toks, i + 1) != "/" || !attached(toks, i + 1) || !attached(toks, i + 2) {
        return None;
    }
    let b = toks.get(i + 2).filter(|t| t.kind == Kind::Num)?;
    if lower(toks, i + 3) == "/" {
        return None;
    }
    let (x, y) = (num_value(a.lower)?, num_value(b.lower)?);
    if !(x > 0.0 && x < y && y <= 10.0 && x.fract() == 0.0 && y.fract() == 0.0) {
        return None;
    }
    Some(fraction(toks, i, i + 3, x / y))
}

/// The place of the largest scale in a value (1e6 for 3 million).
fn big_unit(v: f64) -> f64 {
    [1e12, 1e9, 1e6, 1e3]
        .into_iter()
        .find(|s| v >= *s)
        .unwrap_or(1.0)
}

/// A fraction ending before token `end`; a share when "of" follows.
fn fraction(toks: &[Tok], start: usize, end: usize, v: f64) -> Num {
    let share = lower(toks, end) == "of";
    // "two thirds of a million"
    if share && word(toks, end + 1) == "a" {
        if let Some(s) = lex::scale_word(word(toks, end + 2), false).filter(|s| *s >= 1e3) {
            return Num {
                value: v * s,
                start,
                end: end + 3,
                kind: NumKind::Words,
                bare_one: false,
                scaled: true,
            };
        }
    }
    if let Some(s) = lex::scale_word(word(toks, end), false).filter(|s| *s >= 1e6) {
        return Num {
            value: v * s,
            start,
            end: end + 1,
            kind: NumKind::Words,
            bare_one: false,
            scaled: true,
        };
    }
    Num {
        value: if share { v * 100.0 } else { v },
        start,
        end,
        kind: if share {
            NumKind::Share
        } else {
            NumKind::Fraction
        },
        bare_one: false,
        scaled: false,
    }
}

/// Forms that do not start with a cardinal: "a dozen", "a hundred", "half a
/// million", "a third of", "half of", vague quantities.
fn special(toks: &[Tok], i: usize) -> Option<Num> {
    let w = word(toks, i);
    let w1 = word(toks, i + 1);
    let w2 = word(toks, i + 2);
    let vague = |lo: f64, hi: Option<f64>, end: usize| Num {
        value: lo,
        start: i,
        end,
        kind: NumKind::Vague(lo, hi),
        bare_one: false,
        scaled: false,
    };
    match w {
        "a" | "an" => {
            if w1 == "couple" {
                return Some(vague(2.0, Some(3.0), i + 2));
            }
            if w1 == "few" || w1 == "handful" {
                return Some(vague(2.0, Some(15.0), i + 2));
            }
            if w1 == "half" {
                return None;
            }
            if let Some(d) = lex::denominator_word(w1) {
                if w1 != "second" && !w1.ends_with('s') {
                    // "a third of", "a quarter million"
                    return Some(fraction(toks, i, i + 2, 1.0 / d));
                }
            }
            if matches!(
                w1,
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
            ) {
                return cardinal_from(toks, i + 1, 1.0, Last::Unit, i);
            }
            None
        }
        "half" => {
            // "half a million", "half a dozen", "half million", "half of"
            if w1 == "a" {
                if let Some(s) = lex::scale_word(w2, false).filter(|_| !w2.ends_with('s')) {
                    return Some(Num {
                        value: 0.5 * s,
                        start: i,
                        end: i + 3,
                        kind: NumKind::Words,
                        bare_one: false,
                        scaled: s >= 1e3,
                    });
                }
                return None;
            }
            if let Some(s) = lex::scale_word(w1, false).filter(|s| *s >= 1e6) {
                return Some(Num {
                    value: 0.5 * s,
                    start: i,
                    end: i + 2,
                    kind: NumKind::Words,
                    bare_one: false,
                    scaled: true,
                });
            }
            Some(fraction(toks, i, i + 1, 0.5))
        }
        "quarter" => {
            let s = lex::scale_word(w1, false).filter(|s| *s >= 1e6)?;
            Some(Num {
                value: 0.25 * s,
                start: i,
                end: i + 2,
                kind: NumKind::Words,
                bare_one: false,
                scaled: true,
            })
        }
        "tens" | "hundreds" if w1 == "of" && matches!(w2, "thousands" | "millions") => {
            let base = if w2 == "thousands" { 1e3 } else { 1e6 };
            let lo = if w == "tens" { 20.0 } else { 200.0 };
            let hi = if w == "tens" { 99.0 } else { 999.0 };
            Some(vague(lo * base, Some(hi * base + base - 1.0), i + 3))
        }
        "several" => {
            // "several hundred", "several thousand"
            if let Some(s) =
                lex::scale_word(w1, false).filter(|s| *s >= 100.0 && !w1.ends_with('s'))
            {
                return Some(vague(3.0 * s, Some(9.0 * s), i + 2));
            }
            Some(vague(3.0, Some(20.0), i + 1))
        }
        _ => {
            let (lo, hi) = lex::vague(w)?;
            Some(vague(lo, hi, i + 1))
        }
    }
}

/// A cardinal: digits or number words combined with hundred/thousand/....
fn cardinal(toks: &[Tok], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Num => {
            let v = num_value(t.lower)?;
            cardinal_from(toks, i + 1, v, Last::Digits, i)
        }
        Kind::Word => {
            if lex::is_ordinal_word(t.lower) {
                return None;
            }
            let v = lex::small_word(t.lower)?;
            let last = if v >= 20.0 { Last::Tens } else { Last::Unit };
            cardinal_from(toks, i + 1, v, last, i)
        }
        Kind::Punct => None,
    }
}

/// Continue a cardinal whose current group is `cur` after token `j - 1`.
fn cardinal_from(toks: &[Tok], mut j: usize, cur0: f64, last0: Last, start: usize) -> Option<Num> {
    let digits_start = last0 == Last::Digits;
    let mut total = 0.0f64;
    let mut cur = cur0;
    let mut last = last0;
    let mut max_big = 0.0f64;
    let mut scaled = false;
    let mut good_end = j;
    let mut count = 1usize;
    while let Some(t) = toks.get(j) {
        let w = t.lower;
        match t.kind {
            Kind::Word => {
                if let Some(v) = lex::small_word(w) {
                    let ok = match last {
                        Last::Hundred | Last::Big | Last::And => {
                            (last != Last::Hundred || v < 100.0) && cur < 1000.0
                        }
                        Last::Tens | Last::Hyphen => (1.0..=9.0).contains(&v) && cur % 10.0 == 0.0,
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    cur += v;
                    last = if v >= 20.0 && v % 10.0 == 0.0 {
                        Last::Tens
                    } else {
                        Last::Unit
                    };
                } else if matches!(w, "hundred") {
                    if !matches!(last, Last::Unit | Last::Tens | Last::Digits) || cur == 0.0 {
                        break;
                    }
                    cur *= 100.0;
                    last = Last::Hundred;
                } else if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") {
                    if !matches!(last, Last::Unit | Last::Tens | Last::Digits | Last::Hundred) {
                        break;
                    }
                    cur *= 12.0;
                    last = Last::Hundred;
                } else if let Some(s) =
                    lex::scale_word(w, last == Last::Digits && !t.space).filter(|s| *s >= 1e3)
                {
                    let short = w.len() <= 2 && !matches!(w, "bn" | "mn" | "tn");
                    let abbrev = matches!(
                        w,
                        "k" | "m" | "mm" | "b" | "bn" | "mn" | "mln" | "bln" | "tln" | "tn" | "mil"
                    );
                    if abbrev && last != Last::Digits {
                        break;
                    }
                    if short && t.space {
                        break;
                    }
                    let bigger = last == Last::Big && s > max_big;
                    if !bigger
                        && !matches!(last, Last::Unit | Last::Tens | Last::Digits | Last::Hundred)
                    {
                        break;
                    }
                    // "thousands" after a number is not a scale ("2 thousands" is rare);
                    // accept plural forms only when no smaller group follows.
                    if s > max_big {
                        total = (total + cur) * s;
                        max_big = s;
                    } else {
                        total += cur * s;
                    }
                    cur = 0.0;
                    last = Last::Big;
                    scaled = true;
                } else if w == "and" {
                    if !matches!(last, Last::Hundred | Last::Big) {
                        break;
                    }
                    let next = toks.get(j + 1);
                    let next_small = next.is_some_and(|n| {
                        (n.kind == Kind::Word && lex::small_word(n.lower).is_some())
                            || (n.kind == Kind::Num && last == Last::Hundred)
                    });
                    if !next_small {
                        break;
                    }
                    last = Last::And;
                    j += 1;
                    continue;
                } else {
                    break;
                }
            }
            Kind::Punct if w == "-" => {
                let next_unit = toks.get(j + 1).is_some_and(|n| {
                    lex::small_word(n.lower).is_some_and(|v| (1.0..=9.0).contains(&v))
                });
                if last == Last::Tens && next_unit && !digits_start {
                    last = Last::Hyphen;
                    j += 1;
                    continue;
                }
                break;
            }
            Kind::Num => {
                // "4 thousand 3 hundred and 21": digits after a word scale.
                let v = num_value(w).unwrap_or(f64::NAN);
                let ok = match last {
                    Last::And => v < 100.0,
                    Last::Big => v < max_big && v < 1000.0,
                    _ => false,
                };
                if !ok || !v.is_finite() {
                    break;
                }
                cur += v;
                last = Last::Digits;
            }
            _ => break,
        }
        j += 1;
        count += 1;
        good_end = j;
        if count > 64 {
            break;
        }
    }
    let value = total + cur;
    Some(Num {
        value,
        start,
        end: good_end,
        kind: if digits_start {
            NumKind::Digits
        } else {
            NumKind::Words
        },
        bare_one: good_end == start + 1 && !digits_start && value == 1.0,
        scaled,
    })
}

/// Place value of the last non-zero digit of a value: 400 → 100,
/// 2,137 → 1, 2.5 million → 100,000, 8.3 → 0.1.
pub fn place_value(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    if v.fract() == 0.0 && v < 1e18 {
        let mut u = 1.0;
        let mut n = v;
        while n >= 10.0 && (n / 10.0).fract() == 0.0 {
            n /= 10.0;
            u *= 10.0;
        }
        return u;
    }
    let mut u = 1.0;
    for _ in 0..9 {
        u /= 10.0;
        let scaled = v / u;
        if (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0) {
            return u;
        }
    }
    u
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn val(s: &str) -> Option<(f64, usize)> {
        let lower = s.to_ascii_lowercase();
        let t = tokenize(s, &lower);
        parse(&t, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn spelled_numbers_combine() {
        assert_eq!(
            val("four hundred and fifty people").map(|v| v.0),
            Some(450.0)
        );
        assert_eq!(val("twenty-five").map(|v| v.0), Some(25.0));
        assert_eq!(val("two thousand").map(|v| v.0), Some(2000.0));
        assert_eq!(val("a dozen").map(|v| v.0), Some(12.0));
        assert_eq!(val("two dozen").map(|v| v.0), Some(24.0));
        assert_eq!(val("half a million").map(|v| v.0), Some(500_000.0));
        assert_eq!(val("twenty twenty"), Some((20.0, 1)));
    }

    #[test]
    fn digits_take_scale_words() {
        assert_eq!(val("1.2 million").map(|v| v.0), Some(1_200_000.0));
        assert_eq!(val("3.5bn").map(|v| v.0), Some(3_500_000_000.0));
        assert_eq!(val("10k").map(|v| v.0), Some(10_000.0));
        assert_eq!(val("10 k").map(|v| v.0), Some(10.0));
    }

    #[test]
    fn place_values_follow_the_written_digits() {
        assert_eq!(place_value(400.0), 100.0);
        assert_eq!(place_value(2137.0), 1.0);
        assert_eq!(place_value(2_500_000.0), 100_000.0);
        assert!((place_value(8.3) - 0.1).abs() < 1e-12);
    }
}
