//! Sentence boundaries of a block of prose: the Unicode sentence rules
//! (UAX #29, SB1–SB11) with one deliberate change, and a fast path.
//!
//! **The change.** UAX #29 ends a sentence at every line break (SB4). In an
//! article a paragraph is often wrapped over several lines ("more than\n30
//! mayors"); a wrapped line is one sentence, so a *soft* line break — one
//! whose next line is not blank — counts as a space (`Sp`). A blank line, a
//! break at the end of the text and the separators U+0085, U+2028 and U+2029
//! stay hard breaks. [`soft_breaks`] says which breaks are soft.
//!
//! **The fast path.** `unicode_segmentation` classifies every char through a
//! table lookup and a general state machine; it was a quarter of the
//! instructions of `check`. News prose is ASCII plus a few typographic
//! characters (curly quotes, dashes, no-break space, accented Latin letters),
//! whose sentence-break classes are fixed by the standard. When every char of
//! a text is in that known set, this module applies SB3–SB11 directly over a
//! byte table; otherwise it hands the whole text (soft breaks turned into
//! spaces) to `unicode_segmentation`. Both paths give the same boundaries: a
//! differential test in this module and a property test compare them on
//! generated text. The classes omitted from the fast path (`Extend`,
//! `Format`, `OLetter`, the non-ASCII terminators) always take the slow path.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Sentence-break classes of UAX #29 that the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The class of an ASCII byte.
const fn ascii_class(b: u8) -> Class {
    match b {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        b'\t' | 0x0B | 0x0C | b' ' => Class::Sp,
        b'a'..=b'z' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'0'..=b'9' => Class::Numeric,
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        _ => Class::Other,
    }
}

static ASCII: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = ascii_class(i as u8);
        i += 1;
    }
    t
};

/// Bytes that may begin a char that ends a sentence: a terminator, a line
/// break, or any non-ASCII byte (the separators are non-ASCII).
static MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i >= 0x80 || matches!(i as u8, b'.' | b'!' | b'?' | b'\r' | b'\n');
        i += 1;
    }
    t
};

/// The class of a char, or `None` when the fast path does not know it.
fn class(c: char) -> Option<Class> {
    if c.is_ascii() {
        return ASCII.get(c as usize).copied();
    }
    match c {
        '\u{A0}' => Some(Class::Sp),
        '\u{85}' | '\u{2028}' | '\u{2029}' => Some(Class::Sep),
        '\u{AB}' | '\u{BB}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' => {
            Some(Class::Close)
        }
        '\u{2013}' | '\u{2014}' => Some(Class::SContinue),
        '\u{AA}' | '\u{B5}' | '\u{BA}' => Some(Class::Lower),
        '\u{A2}' | '\u{A3}' | '\u{A5}' | '\u{B0}' | '\u{D7}' | '\u{F7}' | '\u{20AC}' => {
            Some(Class::Other)
        }
        // Latin-1 Supplement and Latin Extended-A/B letters: each is either
        // upper or lower case there, except a few (titlecase digraphs,
        // click letters) that take the slow path.
        '\u{C0}'..='\u{24F}' if c.is_uppercase() => Some(Class::Upper),
        '\u{C0}'..='\u{24F}' if c.is_lowercase() => Some(Class::Lower),
        _ => None,
    }
}

/// Byte ranges of the line breaks (`\r`, `\n` or `\r\n`) of `text` that are
/// soft: followed, after spaces and tabs, by something other than another
/// line break or the end of the text.
pub fn soft_breaks(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes.get(i).copied()?;
            if b != b'\r' && b != b'\n' {
                i += 1;
                continue;
            }
            let start = i;
            i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            if is_soft_after(bytes, i) {
                return Some(start..i);
            }
        }
        None
    })
}

/// Whether a line break that ends just before `at` is soft.
fn is_soft_after(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at..).unwrap_or(&[]);
    match rest.iter().find(|&&b| b != b' ' && b != b'\t') {
        Some(b'\r' | b'\n') | None => false,
        Some(_) => true,
    }
}

/// The sentences of `text` in order, as trimmed, non-blank byte ranges.
/// Lazy: text after the last sentence asked for is never examined, except
/// for the single check (a pass over the bytes) that picks the path.
pub fn split(text: &str) -> Sentences<'_> {
    let fast = text.is_ascii() || text.chars().all(|c| class(c).is_some());
    if fast {
        Sentences::Fast(Fast { text, pos: 0 })
    } else {
        Sentences::Slow(slow(text).into_iter())
    }
}

/// Iterator returned by [`split`].
pub enum Sentences<'a> {
    Fast(Fast<'a>),
    Slow(std::vec::IntoIter<Range<usize>>),
}

impl Iterator for Sentences<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match self {
            Sentences::Fast(f) => f.next(),
            Sentences::Slow(s) => s.next(),
        }
    }
}

/// `text` with its soft breaks as spaces, segmented by `unicode_segmentation`.
/// The replacement keeps every byte offset (each break byte becomes one
/// space).
fn slow(text: &str) -> Vec<Range<usize>> {
    let mut spaced = text.as_bytes().to_vec();
    for r in soft_breaks(text) {
        if let Some(bytes) = spaced.get_mut(r) {
            bytes.fill(b' ');
        }
    }
    // Only ASCII line-break bytes were replaced by ASCII spaces.
    let spaced = String::from_utf8(spaced).unwrap_or_else(|_| text.to_owned());
    spaced
        .split_sentence_bound_indices()
        .filter_map(|(i, s)| trimmed(i, s))
        .collect()
}

/// The range of `s` (found at `start`) without its surrounding whitespace,
/// or `None` when it is blank.
fn trimmed(start: usize, s: &str) -> Option<Range<usize>> {
    let end = s.trim_end().len();
    let lead = end - s[..end].trim_start().len();
    (lead < end).then(|| start + lead..start + end)
}

/// The fast path: SB3–SB11 over a text whose chars all have a known class.
pub struct Fast<'a> {
    text: &'a str,
    pos: usize,
}

impl Fast<'_> {
    /// The class and byte length of the char at `i` (soft line breaks are
    /// `Sp`); `None` at the end of the text.
    fn at(&self, i: usize) -> Option<(Class, usize)> {
        let bytes = self.text.as_bytes();
        let b = *bytes.get(i)?;
        if b < 0x80 {
            let cl = ascii_class(b);
            return Some(match cl {
                Class::Cr if bytes.get(i + 1) == Some(&b'\n') => {
                    if is_soft_after(bytes, i + 2) {
                        (Class::Sp, 2)
                    } else {
                        (Class::Cr, 2)
                    }
                }
                Class::Cr | Class::Lf if is_soft_after(bytes, i + 1) => (Class::Sp, 1),
                cl => (cl, 1),
            });
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((class(c).unwrap_or(Class::Other), c.len_utf8()))
    }

    /// The class of the char that ends at `i`.
    fn before(&self, i: usize) -> Option<Class> {
        let c = self.text.get(..i)?.chars().next_back()?;
        if c == '\n' || c == '\r' {
            // Only SB7 asks, and only whether it is a letter.
            return Some(Class::Lf);
        }
        class(c)
    }

    /// The end of the sentence that starts at `start`.
    fn boundary(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = start;
        loop {
            // Only terminators and breaks can end a sentence: skip to the
            // next byte that may be one (a non-ASCII byte may start U+0085,
            // U+2028 or U+2029).
            let Some(k) = bytes.get(i..).and_then(|rest| {
                rest.iter()
                    .position(|&b| MAY_END.get(b as usize) == Some(&true))
            }) else {
                return len;
            };
            i += k;
            let Some((cl, n)) = self.at(i) else {
                return len;
            };
            let j = i + n;
            match cl {
                // SB3, SB4: a hard break ends the sentence (CR LF is one).
                Class::Cr | Class::Lf | Class::Sep => return j,
                Class::ATerm | Class::STerm => {
                    if let Some(end) = self.after_terminator(i, cl, j) {
                        return end;
                    }
                }
                _ => {}
            }
            i = j;
        }
    }

    /// At a terminator of class `cl` at `i` (ending at `j`): the boundary it
    /// makes (SB11), or `None` when a rule forbids one (SB6–SB8a).
    fn after_terminator(&self, i: usize, cl: Class, j: usize) -> Option<usize> {
        let next = self.at(j).map(|(c, _)| c);
        if cl == Class::ATerm {
            // SB6: ATerm × Numeric.
            if next == Some(Class::Numeric) {
                return None;
            }
            // SB7: (Upper | Lower) ATerm × Upper.
            if next == Some(Class::Upper)
                && matches!(self.before(i), Some(Class::Upper | Class::Lower))
            {
                return None;
            }
        }
        // SATerm Close* Sp*
        let mut m = j;
        while let Some((Class::Close, n)) = self.at(m) {
            m += n;
        }
        while let Some((Class::Sp, n)) = self.at(m) {
            m += n;
        }
        let Some((after, n)) = self.at(m) else {
            return Some(self.text.len());
        };
        match after {
            // SB9–SB11: the break comes after one paragraph separator.
            Class::Cr | Class::Lf | Class::Sep => return Some(m + n),
            // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
            Class::SContinue | Class::ATerm | Class::STerm => return None,
            _ => {}
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep |
        // SATerm))* Lower.
        if cl == Class::ATerm {
            let mut p = m;
            while let Some((c, n)) = self.at(p) {
                match c {
                    Class::Lower => return None,
                    Class::Upper
                    | Class::Cr
                    | Class::Lf
                    | Class::Sep
                    | Class::ATerm
                    | Class::STerm => break,
                    _ => p += n,
                }
            }
        }
        Some(m)
    }
}

impl Iterator for Fast<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        while self.pos < self.text.len() {
            let start = self.pos;
            let end = self.boundary(start);
            // `boundary` always moves past `start`; never loop if it did not.
            let end = if end > start { end } else { self.text.len() };
            self.pos = end;
            if let Some(r) = self.text.get(start..end).and_then(|s| trimmed(start, s)) {
                return Some(r);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast(text: &str) -> Vec<Range<usize>> {
        Fast { text, pos: 0 }.collect()
    }

    /// Every char the fast path knows, with the characters around it that
    /// decide a boundary, gives the boundaries `unicode_segmentation` gives.
    #[test]
    fn fast_path_agrees_with_unicode_segmentation_on_every_known_char() {
        let known: Vec<char> = (0u32..0x2100)
            .filter_map(char::from_u32)
            .filter(|&c| class(c).is_some())
            .collect();
        assert!(known.len() > 500, "{}", known.len());
        let templates = [
            "x. {}a",
            "x.{}a",
            "x. {} a",
            "A.{}",
            "a.{}. B",
            "{}. b",
            "1.{}",
            "x?{}a",
            "x. ({} a",
            "{}.\n",
            "Ab. {}",
            "ab.{}",
            "a. {}.",
            "a.{}",
            "a! {} b",
            "a. {}b c",
            "a.) {} b",
            "{}{}. {} x",
            "a.\"{}\" b",
            "Mr.{}Smith",
            "a. {}\n\nb",
            "x. {} A",
            "x. {}A",
            "x.{}A",
            "a?{}A",
            "a.{}{}A",
            "{}.\r\n{}",
            "a. {}\nb",
            "a.\n{}b",
        ];
        for c in known {
            for t in templates {
                let text = t.replace("{}", &c.to_string());
                assert_eq!(fast(&text), slow(&text), "{text:?} ({:?})", class(c));
            }
        }
    }

    #[test]
    fn soft_line_breaks_do_not_end_a_sentence() {
        let text = "Officials said more\nthan 30 mayors came.\r\nThey left.\n\nNext one";
        let got: Vec<&str> = split(text).map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Officials said more\nthan 30 mayors came.",
                "They left.",
                "Next one"
            ]
        );
        let slow_got: Vec<&str> = slow(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, slow_got);
    }

    #[test]
    fn abbreviations_numbers_and_quotes_follow_uax29() {
        for text in [
            "The U.S. government said 3.5 billion. Then \u{201C}no.\u{201D} He left!",
            "Etc. and so on. e.g. this... And that?! Yes: \u{2014} no.",
            "caf\u{E9}. \u{C9}t\u{E9} \u{A0}ok.",
        ] {
            assert_eq!(fast(text), slow(text), "{text:?}");
        }
    }

    #[test]
    fn unknown_chars_take_the_slow_path() {
        let text = "Tokyo\u{3002}Next. \u{2026} more";
        assert!(matches!(split(text), Sentences::Slow(_)));
        assert_eq!(split(text).collect::<Vec<_>>(), slow(text));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Random text over the characters that decide sentence boundaries
        /// splits on the fast path as `unicode_segmentation` splits it with
        /// soft breaks as spaces.
        #[test]
        fn split_agrees_with_unicode_segmentation(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', 'A', 'B', '1', '.', '.', '!', '?', ' ', ' ', '\n', '\r', '\t', '"', '\'',
                '(', ')', ',', ';', ':', '-', '%', '$', '\u{A0}', '\u{2019}', '\u{201C}', '\u{201D}',
                '\u{2014}', '\u{E9}', '\u{C9}', '\u{2028}', '\u{85}', '\u{2029}', '\u{AB}', 'x',
            ]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(fast(&text), slow(&text), "{:?}", text);
        }
    }
}
