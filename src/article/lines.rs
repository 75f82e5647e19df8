//! First pass: the text as a list of blocks (paragraphs, heading lines,
//! tables), each with the byte range of its content, markup excluded.
//!
//! One scan over the lines, constant work per byte: safe on a 200 MB single
//! line or a million table rows.

/// A byte range into the source.
pub type Range = (usize, usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// A table delimiter row: `---|`, `|:---|---:|`.
    Separator,
    /// A thematic break or setext underline: `---`, `===`, `***`.
    Rule(u8),
    /// A table row: has a pipe at either edge (or sits in a table).
    Row,
    /// `#`..`######` heading; level.
    Hash(u8),
    Text,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// Trimmed content (no indentation, trailing spaces or CR).
    start: usize,
    end: usize,
    kind: LineKind,
}

/// A table row: the ranges of its cells, trimmed, pipes excluded.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Range>,
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// The first row is a header (a delimiter row follows it).
    pub has_header: bool,
}

#[derive(Debug, Clone)]
pub enum BlockKind {
    /// A paragraph (one line, or lines wrapped mid-sentence).
    Para,
    /// A marked heading: `#` level 1..6, or 2 / 1 for setext underlines,
    /// or 0 for a line that is wholly bold (`**Heading**`).
    Heading(u8),
    Table(Table),
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The content range (for headings, the text without `#` or `**`).
    pub start: usize,
    pub end: usize,
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Trim a range of `text` on both sides (Unicode whitespace, including NBSP,
/// tabs and CR, plus stray byte-order marks).
pub fn trim(text: &str, (s, e): Range) -> Range {
    let Some(slice) = text.get(s..e) else {
        return (s, s);
    };
    let left = slice.trim_start_matches(is_blank_char);
    let s2 = s + (slice.len() - left.len());
    let both = left.trim_end_matches(is_blank_char);
    (s2, s2 + both.len())
}

/// Strip balanced emphasis around a range: `**x**`, `__x__`, `*x*`, `_x_`.
pub fn unwrap_emphasis(text: &str, r: Range) -> Range {
    let mut r = trim(text, r);
    for _ in 0..3 {
        let Some(s) = text.get(r.0..r.1) else {
            return r;
        };
        let mut changed = false;
        for m in ["**", "__", "*", "_"] {
            if s.len() > 2 * m.len() && s.starts_with(m) && s.ends_with(m) {
                let inner = &s[m.len()..s.len() - m.len()];
                // `*a* and *b*` is not wrapped as a whole.
                if m.len() == 1 && inner.contains(m) {
                    continue;
                }
                if m.len() == 2 && inner.contains(m) {
                    continue;
                }
                r = trim(text, (r.0 + m.len(), r.1 - m.len()));
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
    r
}

fn classify(content: &str) -> LineKind {
    if content.is_empty() {
        return LineKind::Blank;
    }
    let bytes = content.as_bytes();
    let has_pipe = content.contains('|');
    if bytes
        .iter()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && bytes.contains(&b'-')
    {
        if has_pipe {
            return LineKind::Separator;
        }
        if bytes.iter().filter(|&&b| b == b'-').count() >= 3 {
            return LineKind::Rule(b'-');
        }
    }
    if bytes.len() >= 3 && bytes.iter().all(|&b| b == b'=') {
        return LineKind::Rule(b'=');
    }
    if bytes.len() >= 3 && bytes.iter().all(|&b| b == b'*' || b == b' ') {
        return LineKind::Rule(b'*');
    }
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && bytes.get(hashes).is_none_or(|&b| b == b' ' || b == b'\t') {
        return LineKind::Hash(hashes as u8);
    }
    if content.starts_with('|') || content.ends_with('|') {
        return LineKind::Row;
    }
    LineKind::Text
}

fn scan_lines(text: &str, from: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut pos = from;
    while pos <= text.len() {
        let rest = &text.as_bytes()[pos..];
        // A line ends at `\n` or at a lone `\r` (issue 16); the `\r` of
        // `\r\n` is trimmed as blank.
        let len = rest
            .iter()
            .enumerate()
            .position(|(i, &b)| b == b'\n' || (b == b'\r' && rest.get(i + 1) != Some(&b'\n')))
            .unwrap_or(rest.len());
        let (s, e) = trim(text, (pos, pos + len));
        let kind = classify(text.get(s..e).unwrap_or(""));
        lines.push(Line {
            start: s,
            end: e,
            kind,
        });
        pos += len + 1;
    }
    // A line with inner pipes belongs to a table when a delimiter row
    // follows it (a header) or a table row precedes it.
    for i in 0..lines.len() {
        if lines[i].kind != LineKind::Text
            || !text
                .get(lines[i].start..lines[i].end)
                .is_some_and(|c| c.contains('|'))
        {
            continue;
        }
        let next_sep = lines
            .get(i + 1)
            .is_some_and(|l| l.kind == LineKind::Separator);
        let prev_row = i > 0 && matches!(lines[i - 1].kind, LineKind::Row | LineKind::Separator);
        if next_sep || prev_row {
            lines[i].kind = LineKind::Row;
        }
    }
    lines
}

/// Split a row into trimmed cell ranges, edge pipes dropped.
fn cells(text: &str, (s, e): Range) -> Row {
    let content = text.get(s..e).unwrap_or("");
    let mut cells = Vec::new();
    let mut cell_start = s;
    for (i, b) in content.bytes().enumerate() {
        if b == b'|' {
            cells.push((cell_start, s + i));
            cell_start = s + i + 1;
        }
    }
    cells.push((cell_start, e));
    if content.starts_with('|') && !cells.is_empty() {
        cells.remove(0);
    }
    if content.ends_with('|') && content.len() > 1 {
        cells.pop();
    }
    Row {
        cells: cells
            .into_iter()
            .map(|r| unwrap_emphasis(text, r))
            .collect(),
    }
}

/// Last char of a range, ignoring closing quotes and emphasis markers.
pub fn last_meaningful_char(text: &str, (s, e): Range) -> Option<char> {
    text.get(s..e)?
        .chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | '*' | '_' | ')'))
}

/// True when the range ends a sentence or a clause: `.`, `!`, `?`, `:`, `;`,
/// `,` or an ellipsis (closing quotes ignored).
pub fn ends_with_punct(text: &str, r: Range) -> bool {
    last_meaningful_char(text, r)
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | ',' | '\u{2026}'))
}

/// A wholly bold line: `**Heading**`.
fn bold_line(text: &str, (s, e): Range) -> Option<Range> {
    let c = text.get(s..e)?;
    if c.len() > 4 && c.len() <= 200 && c.starts_with("**") && c.ends_with("**") {
        let inner = &c[2..c.len() - 2];
        if !inner.contains("**") {
            return Some(trim(text, (s + 2, e - 2)));
        }
    }
    None
}

/// The blocks of `text`, skipping `from` leading bytes (a byte-order mark).
/// In the plain genre a line continues the paragraph above only when it
/// starts in lower case (each line is a paragraph or a heading).
pub fn blocks(text: &str, from: usize) -> Vec<Block> {
    blocks_of(text, from, false)
}

/// [`blocks`] for a Markdown file: a paragraph may be hard-wrapped, so any
/// text line right after an unfinished paragraph line continues it, unless
/// it starts a list item, a block quote, a `Question:`/`Answer:` label or a
/// bold heading line. Headings are then only `#` lines, setext underlines
/// and the genre's plain heading lines standing between blank lines.
pub fn markdown_blocks(text: &str, from: usize) -> Vec<Block> {
    blocks_of(text, from, true)
}

/// Does this line open a block of its own in Markdown (list item, quote,
/// Q/A label)?
fn opens_block(text: &str, (s, e): Range) -> bool {
    let Some(line) = text.get(s..e) else {
        return false;
    };
    let line = line.trim_start();
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    if matches!(first, Some('>')) {
        return true;
    }
    if matches!(first, Some('-' | '*' | '+' | '\u{2022}')) && matches!(second, Some(' ' | '\t')) {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return true;
    }
    let label = line.trim_start_matches(['*', '_']).to_ascii_lowercase();
    ["question", "answer", "q:", "a:"]
        .iter()
        .any(|l| label.starts_with(l))
}

fn blocks_of(text: &str, from: usize, markdown: bool) -> Vec<Block> {
    let lines = scan_lines(text, from);
    let mut out: Vec<Block> = Vec::new();
    // Whether the previous line was blank (so the last block is closed).
    let mut after_blank = true;
    let mut last_kind = LineKind::Blank;
    for (i, line) in lines.iter().enumerate() {
        let r = (line.start, line.end);
        match line.kind {
            LineKind::Blank => {
                after_blank = true;
                last_kind = LineKind::Blank;
                continue;
            }
            LineKind::Hash(level) => {
                let inner = heading_text(text, r, level);
                out.push(Block {
                    kind: BlockKind::Heading(level),
                    start: inner.0,
                    end: inner.1,
                });
            }
            LineKind::Rule(ch) => {
                // Setext underline: the paragraph line just above is a heading.
                if !after_blank && ch != b'*' && last_kind == LineKind::Text {
                    if let Some(b) = out.last_mut() {
                        if matches!(b.kind, BlockKind::Para) {
                            b.kind = BlockKind::Heading(if ch == b'=' { 1 } else { 2 });
                        }
                    }
                }
            }
            LineKind::Separator | LineKind::Row => {
                let new_header = line.kind == LineKind::Row
                    && lines
                        .get(i + 1)
                        .is_some_and(|l| l.kind == LineKind::Separator);
                let continues = matches!(
                    out.last(),
                    Some(Block {
                        kind: BlockKind::Table(_),
                        ..
                    })
                ) && !new_header;
                if !continues {
                    out.push(Block {
                        kind: BlockKind::Table(Table {
                            rows: Vec::new(),
                            has_header: new_header,
                        }),
                        start: line.start,
                        end: line.end,
                    });
                }
                if let Some(Block {
                    kind: BlockKind::Table(t),
                    end,
                    ..
                }) = out.last_mut()
                {
                    *end = line.end;
                    if line.kind == LineKind::Row {
                        let row = cells(text, r);
                        if row.cells.iter().any(|c| c.0 < c.1) {
                            t.rows.push(row);
                        }
                    }
                }
            }
            LineKind::Text => {
                let continues_line = if markdown {
                    !opens_block(text, r) && bold_line(text, r).is_none()
                } else {
                    starts_lowercase(text, r)
                };
                let continuation = !after_blank
                    && last_kind == LineKind::Text
                    && continues_line
                    && out.last().is_some_and(|b| {
                        matches!(b.kind, BlockKind::Para)
                            && !ends_with_punct(text, (b.start, b.end))
                    });
                if continuation {
                    if let Some(b) = out.last_mut() {
                        b.end = line.end;
                    }
                } else if let Some(inner) = bold_line(text, r) {
                    out.push(Block {
                        kind: BlockKind::Heading(0),
                        start: inner.0,
                        end: inner.1,
                    });
                } else {
                    out.push(Block {
                        kind: BlockKind::Para,
                        start: line.start,
                        end: line.end,
                    });
                }
            }
        }
        after_blank = false;
        last_kind = line.kind;
    }
    out
}

fn starts_lowercase(text: &str, (s, e): Range) -> bool {
    text.get(s..e)
        .and_then(|c| c.chars().next())
        .is_some_and(|c| c.is_lowercase())
}

/// The text of a `#` heading line: after the hashes, without a closing run
/// of hashes, emphasis unwrapped.
fn heading_text(text: &str, (s, e): Range, level: u8) -> Range {
    let start = s + level as usize;
    let mut r = trim(text, (start.min(e), e));
    if let Some(c) = text.get(r.0..r.1) {
        let without = c.trim_end_matches('#');
        if without.len() < c.len() && (without.is_empty() || without.ends_with([' ', '\t'])) {
            r = trim(text, (r.0, r.0 + without.len()));
        }
    }
    unwrap_emphasis(text, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        blocks(text, 0)
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Para => format!("P {}", &text[b.start..b.end]),
                BlockKind::Heading(l) => format!("H{l} {}", &text[b.start..b.end]),
                BlockKind::Table(t) => format!("T{} {}", t.rows.len(), t.has_header),
            })
            .collect()
    }

    #[test]
    fn example_style_tables_and_lines() {
        let t = "Lede.\nArticle Subheadings |\n---|\n1) One |\n2) Two |\nOne\nBody.";
        assert_eq!(kinds(t), ["P Lede.", "T3 true", "P One", "P Body."]);
    }

    #[test]
    fn markdown_headings_and_bold_lines() {
        let t = "# Title #\n\n## *Sec*\n\n**Bold**\ntext";
        assert_eq!(kinds(t), ["H1 Title", "H2 Sec", "H0 Bold", "P text"]);
    }

    #[test]
    fn wrapped_lines_join_and_setext_headings() {
        let t = "Heading\n---\nA line that wraps\nhere.\nNext.";
        assert_eq!(
            kinds(t),
            ["H2 Heading", "P A line that wraps\nhere.", "P Next."]
        );
    }

    #[test]
    fn pipes_inside_table_rows_without_edges() {
        let t = "No | Point\n---|---\n1 | a\n2 | b";
        let b = blocks(t, 0);
        let BlockKind::Table(tab) = &b[0].kind else {
            panic!("not a table")
        };
        assert_eq!(tab.rows.len(), 3);
        assert_eq!(tab.rows[1].cells.len(), 2);
    }
}
