//! Source text, byte spans and line/column positions.
//!
//! Every node and claim carries a [`Span`]: a byte range into the original file
//! (always on char boundaries) plus the 1-based line and column of both ends.
//! Columns count Unicode scalar values, not bytes. Positions are derived once
//! from the byte offsets through a [`LineIndex`]; nothing re-searches the text.

use serde::Serialize;

/// A located piece of source text.
///
/// `start`/`end` are 0-based byte offsets (end exclusive). `line`/`column` are
/// the 1-based position of `start`; `end_line`/`end_column` the 1-based
/// position of `end` (i.e. one past the last character, as editors and SARIF
/// expect for exclusive ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Span {
    /// The byte range of this span.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Size of the blocks for which the number of chars before them is cached:
/// small enough that a lookup scans little, large enough that the table stays
/// a small fraction of the text (4 bytes per 256).
const BLOCK: usize = 256;

/// Maps byte offsets to 1-based (line, column) in O(log lines) plus at most
/// one block scan, so that even a 200 MB single-line file stays linear.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `chars_before[i]` = number of chars in `text[..i * BLOCK]`, or `None`
    /// for pure ASCII text, where chars and bytes agree.
    chars_before: Option<Vec<u64>>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        line_starts.extend(line_breaks(bytes).map(|i| i + 1));
        let chars_before = (!text.is_ascii()).then(|| {
            let mut table = Vec::with_capacity(bytes.len() / BLOCK + 2);
            let mut acc = 0u64;
            for chunk in bytes.chunks(BLOCK) {
                table.push(acc);
                acc += count_chars(chunk) as u64;
            }
            table.push(acc);
            table
        });
        LineIndex {
            line_starts,
            chars_before,
        }
    }

    /// Number of chars in `text[..byte]`.
    fn chars_to(&self, text: &[u8], byte: usize) -> usize {
        let Some(table) = &self.chars_before else {
            return byte;
        };
        let block = byte / BLOCK;
        let base = table.get(block).copied().unwrap_or(0) as usize;
        base + count_chars(text.get(block * BLOCK..byte).unwrap_or(&[]))
    }

    /// 1-based (line, column) of a byte offset, column in Unicode scalar values.
    pub fn position(&self, text: &str, byte: usize) -> (usize, usize) {
        let byte = byte.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let line_start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let bytes = text.as_bytes();
        // Short line prefixes are counted directly; long ones use the
        // per-block cache, so both stay cheap.
        let column = if self.chars_before.is_none() {
            byte - line_start + 1
        } else if byte - line_start <= BLOCK {
            count_chars(&bytes[line_start..byte]) + 1
        } else {
            self.chars_to(bytes, byte) - self.chars_to(bytes, line_start) + 1
        };
        (line, column)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    // A char starts at every byte that is not a UTF-8 continuation byte
    // (0b10xx_xxxx); continuation bytes are counted eight at a time.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuation
}

/// The offsets of the last byte of every line break: `\n`, `\r\n` (its
/// `\n`) and a lone `\r` (issue 16: CR-only files are many lines, not one).
pub fn line_breaks(hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    hay.iter().enumerate().filter_map(|(i, &b)| {
        (b == b'\n' || (b == b'\r' && hay.get(i + 1) != Some(&b'\n'))).then_some(i)
    })
}

/// Characters that must not reach a terminal raw: C0 and C1 controls, DEL,
/// and the bidi controls that reorder what is shown (issue 16).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Characters that show as nothing inside a word or number: the soft
/// hyphen, zero-width space, word joiner and invisible operators, the
/// Mongolian vowel separator and the BOM / zero-width no-break space
/// (issue 16). Joiners and variation selectors are left out: emoji and
/// several scripts need them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}'
    )
}

#[cfg(test)]
#[test]
fn block_boundaries_count_multibyte_chars_once() {
    // A three-byte char straddling a block boundary.
    let text = "a".repeat(BLOCK - 1) + "€x";
    let src = SourceFile::new("t", text.clone());
    let x = text.len() - 1;
    assert_eq!(src.span(x, x + 1).column, BLOCK + 1);
}

/// One input article: its display path, its text, and a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    index: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let index = LineIndex::new(&text);
        SourceFile {
            path: path.into(),
            text,
            index,
        }
    }

    /// A full [`Span`] for the byte range `start..end`.
    ///
    /// Offsets are clamped to the text and moved back onto char boundaries, so
    /// the result always slices safely.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = floor_char_boundary(&self.text, start.min(self.text.len()));
        let end = floor_char_boundary(&self.text, end.clamp(start, self.text.len()));
        let (line, column) = self.index.position(&self.text, start);
        // Most spans lie on one line: their end is counted from their start.
        let inner = self.text.as_bytes().get(start..end).unwrap_or(&[]);
        let (end_line, end_column) = if inner.iter().any(|&b| b == b'\n' || b == b'\r') {
            self.index.position(&self.text, end)
        } else {
            (line, column + count_chars(inner))
        };
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The exact source text at a span.
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.index
    }
}

/// The largest char boundary `<= i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_chars_counts_scalar_values_at_every_length_and_offset() {
        let text = "a\u{E9}\u{201C}x\u{1F600}\u{2014}bc d\u{A0}\u{E9}\u{E9}\u{201D}.".repeat(5);
        for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let slice = &text[start..end];
                assert_eq!(count_chars(slice.as_bytes()), slice.chars().count());
            }
        }
    }

    #[test]
    fn positions_count_chars_not_bytes() {
        let src = SourceFile::new("t", "ab\n“x” y\nz");
        let y = src.text.find('y').unwrap();
        let span = src.span(y, y + 1);
        assert_eq!((span.line, span.column), (2, 5));
        assert_eq!((span.end_line, span.end_column), (2, 6));
        assert_eq!(src.slice(&span), "y");
    }

    #[test]
    fn spans_snap_to_char_boundaries() {
        let src = SourceFile::new("t", "“x”");
        let span = src.span(1, 5);
        assert_eq!(span.start, 0);
        assert!(src.text.is_char_boundary(span.end));
    }

    #[test]
    fn long_single_line_columns_cross_blocks() {
        let text = "é".repeat(5000) + "x";
        let src = SourceFile::new("t", text.clone());
        let x = text.len() - 1;
        assert_eq!(src.span(x, x + 1).column, 5001);
    }

    proptest::proptest! {
        /// Line and column of both ends equal a naive count from the start
        /// of the text.
        #[test]
        fn span_positions_match_a_naive_count(
            text in "[ab\n\r\u{E9}\u{201C}]{0,40}",
            a in 0usize..64,
            b in 0usize..64,
        ) {
            let src = SourceFile::new("t", text.as_str());
            let span = src.span(a.min(b), a.max(b));
            let naive = |i: usize| {
                // Lines end at `\n`, `\r\n` or a lone `\r`.
                let (mut line, mut col) = (1, 1);
                for (j, c) in text[..i].char_indices() {
                    let lone_cr = c == '\r' && !text[j + 1..].starts_with('\n');
                    if c == '\n' || lone_cr {
                        (line, col) = (line + 1, 1);
                    } else {
                        col += 1;
                    }
                }
                (line, col)
            };
            proptest::prop_assert_eq!((span.line, span.column), naive(span.start));
            proptest::prop_assert_eq!((span.end_line, span.end_column), naive(span.end));
        }
    }
}
