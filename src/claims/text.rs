//! Text helpers shared by the extractors: normalisation for matching and
//! sentence boundaries. Matching uses normalised text; output always uses the
//! original source slice.

use unicode_segmentation::UnicodeSegmentation;

/// Normalise a character for matching: curly quotes and apostrophes become
/// straight ones, dashes become `-`, non-breaking and other spaces become ` `.
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => ' ',
        c => c,
    }
}

/// Default-ignorable code points (Unicode's `Default_Ignorable_Code_Point`
/// outside the unassigned ranges): zero-width spaces and joiners, the soft
/// hyphen, the BOM / zero-width no-break space, bidi controls, variation
/// selectors, invisible operators and tags. They show as nothing, so
/// matching folds them out (issue 16: `Over 4\u{200b}00` reads `Over 400`).
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fff8}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// A char for matching, or `None` for one folded out: [`normalize_char`],
/// full-width digits read as ASCII digits, default-ignorables dropped.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{ff10}'..='\u{ff19}' => char::from_u32(c as u32 - 0xff10 + u32::from(b'0')),
        c if is_ignorable(c) => None,
        c => Some(normalize_char(c)),
    }
}

/// Normalised text for matching. Every char maps to exactly one char of the
/// same UTF-8 length class is NOT guaranteed, so never use offsets into the
/// result to index the original; use [`normalize_with_offsets`] for that.
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Normalised text plus the map from its byte offsets back to `s`.
pub fn normalize_with_offsets(s: &str) -> (String, OffsetMap) {
    let mut map = OffsetMap {
        changes: Vec::new(),
        orig_len: s.len(),
    };
    if s.is_ascii() {
        // ASCII normalises to ASCII of the same length: offsets are kept.
        let mut out = String::with_capacity(s.len());
        push_ascii(&mut out, s);
        return (out, map);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut at = 0;
    while !rest.is_empty() {
        // A run of ASCII is copied as it is, then fixed up in place.
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let (ascii, tail) = rest.split_at(run);
        push_ascii(&mut out, ascii);
        at += run;
        rest = tail;
        let Some(c) = rest.chars().next() else {
            break;
        };
        let n = fold_char(c);
        let n_len = n.map_or(0, char::len_utf8);
        if n_len != c.len_utf8() {
            map.changes.push(Change {
                norm: out.len(),
                orig: at,
                norm_len: n_len,
                orig_len: c.len_utf8(),
            });
        }
        out.extend(n);
        at += c.len_utf8();
        rest = rest.get(c.len_utf8()..).unwrap_or("");
    }
    (out, map)
}

/// Push ASCII text normalised: only '`' and tab change (to `'` and space).
fn push_ascii(out: &mut String, ascii: &str) {
    if ascii.bytes().any(|b| b == b'`' || b == b'\t') {
        out.extend(ascii.chars().map(normalize_char));
    } else {
        out.push_str(ascii);
    }
}

/// Where normalisation changed a char's length in bytes.
#[derive(Debug, Clone, Copy)]
struct Change {
    norm: usize,
    orig: usize,
    norm_len: usize,
    orig_len: usize,
}

/// Maps byte offsets in normalised text back to the source: a sorted list
/// of the chars whose length changed (most text has none), so a lookup is a
/// binary search and the map costs nothing for ASCII text.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    changes: Vec<Change>,
    orig_len: usize,
}

impl OffsetMap {
    /// The source offset of normalised offset `off`: the start of the char
    /// it lies in, or the source's end for offsets past the end.
    pub fn get(&self, off: usize) -> usize {
        let k = self.changes.partition_point(|c| c.norm <= off);
        let orig = match k.checked_sub(1).and_then(|k| self.changes.get(k)) {
            None => off,
            Some(c) if off < c.norm + c.norm_len => c.orig,
            Some(c) => c.orig + c.orig_len + (off - c.norm - c.norm_len),
        };
        orig.min(self.orig_len)
    }
}

/// Byte ranges of the sentences of a block of prose (Unicode sentence
/// boundaries, UAX #29, with soft line breaks read as spaces: see
/// [`crate::claims::sentence`]), surrounding whitespace excluded.
pub fn sentences(s: &str) -> Vec<std::ops::Range<usize>> {
    crate::claims::sentence::split(s).collect()
}

/// Lower-cased words (letters, digits, apostrophes inside words) for overlap
/// comparisons.
pub fn words(s: &str) -> Vec<String> {
    normalize(s)
        .unicode_words()
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_skip_whitespace() {
        let s = "One two. Three four!  Five";
        let got: Vec<&str> = sentences(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["One two.", "Three four!", "Five"]);
    }

    #[test]
    fn offsets_map_back_to_source() {
        let s = "a\u{2014}b";
        let (n, map) = normalize_with_offsets(s);
        assert_eq!(n, "a-b");
        assert_eq!(&s[map.get(2)..], "b");
        assert_eq!(map.get(1), 1);
        assert_eq!(map.get(3), s.len());
        assert_eq!(map.get(99), s.len());
        let s = "\u{201C}caf\u{E9}\u{201D} 30\u{2009}000";
        let (n, map) = normalize_with_offsets(s);
        for (i, c) in n.char_indices() {
            let orig = map.get(i);
            assert_eq!(s[orig..].chars().next().map(normalize_char), Some(c), "{i}");
        }
        assert_eq!(map.get(n.len()), s.len());
    }

    #[test]
    fn hidden_characters_fold_out_and_full_width_digits_read_as_digits() {
        for s in [
            "Over 4\u{200b}00",
            "Over 4\u{ad}00",
            "Over 4\u{feff}00",
            "O\u{200b}ver 400",
        ] {
            let (n, map) = normalize_with_offsets(s);
            assert_eq!(n, "Over 400", "{s:?}");
            assert_eq!(map.get(n.len()), s.len());
            assert_eq!(&s[map.get(5)..], &s[s.find('4').unwrap_or(0)..]);
        }
        let (n, _) = normalize_with_offsets("Over \u{ff14}\u{ff10}\u{ff10}");
        assert_eq!(n, "Over 400");
    }

    proptest::proptest! {
        /// The fast normalisation equals the per-char one, and every offset
        /// maps back to the char it came from.
        #[test]
        fn normalized_offsets_map_back(s in "[a-z `\t\u{2019}\u{201C}\u{2014}\u{A0}\u{E9}\u{3000}0-9\u{200b}\u{ad}\u{feff}\u{202e}\u{ff14}]{0,30}") {
            let (n, map) = normalize_with_offsets(&s);
            proptest::prop_assert_eq!(&n, &normalize(&s));
            for (i, c) in n.char_indices() {
                let orig = map.get(i);
                proptest::prop_assert_eq!(s[orig..].chars().find_map(fold_char), Some(c));
            }
            proptest::prop_assert_eq!(map.get(n.len()), s.len());
        }
    }
}
