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

/// Normalised text for matching. Every char maps to exactly one char of the
/// same UTF-8 length class is NOT guaranteed, so never use offsets into the
/// result to index the original; use [`normalize_with_offsets`] for that.
pub fn normalize(s: &str) -> String {
    s.chars().map(normalize_char).collect()
}

/// Normalised text plus, for every byte of the result, the byte offset of the
/// char in `s` it came from (and one extra entry for the end).
pub fn normalize_with_offsets(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let n = normalize_char(c);
        for _ in 0..n.len_utf8() {
            map.push(i);
        }
        out.push(n);
    }
    map.push(s.len());
    (out, map)
}

/// Byte ranges of the sentences of a block of prose (Unicode sentence
/// boundaries, UAX #29), trailing whitespace excluded.
pub fn sentences(s: &str) -> Vec<std::ops::Range<usize>> {
    s.split_sentence_bound_indices()
        .filter_map(|(i, sent)| {
            let trimmed = sent.trim_end();
            (!trimmed.trim_start().is_empty()).then(|| {
                let lead = trimmed.len() - trimmed.trim_start().len();
                i + lead..i + trimmed.len()
            })
        })
        .collect()
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
        assert_eq!(&s[map[2]..], "b");
    }
}
