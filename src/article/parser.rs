//! Text → [`Article`].
//!
//! Three passes, each linear in the input:
//!
//! 1. [`lines::blocks`]: paragraphs, heading lines and tables with their
//!    content ranges (markup excluded).
//! 2. Zones: the genre's fixed titles and tables ("Article Subheadings",
//!    "Key Points", "Summary", "Frequently Asked Questions", `Question:`
//!    labels) split the blocks into main text, outline, key points, summary
//!    and FAQ.
//! 3. Main text → headline, lede and sections. Section headings carry no
//!    markup in the genre: when an outline exists its entries find them
//!    (exact match after normalising, then word overlap for reworded
//!    headings); otherwise a heading is a short line without terminal
//!    punctuation followed by paragraph text.
//!
//! Oddities become [`Note`]s, never errors.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::comments;
use super::lines::{self, Block, BlockKind, Range, Table};
use super::normalize::{content_words, norm, overlap, title_of, Title};
use super::{Article, Entry, FaqEntry, Note, NoteKind, Section, Summary, Text, SCHEMA_VERSION};
use crate::source::SourceFile;

/// Longest line (bytes) that can be a headline.
const HEADLINE_MAX_BYTES: usize = 150;
const HEADLINE_MAX_WORDS: usize = 20;
/// Longest line (bytes / words) that can be a section heading.
const HEADING_MAX_BYTES: usize = 120;
const HEADING_MAX_WORDS: usize = 14;
/// Longest line compared against outline entries and fixed titles.
const MATCH_MAX_BYTES: usize = 200;
/// Fuzzy matching is skipped for windows with more entry × candidate pairs.
const FUZZY_MAX_PAIRS: usize = 10_000;
/// Regexes only look at the start of a line.
const PREFIX_BYTES: usize = 80;

/// `1`, `1.`, `1)`, `#1`, `No. 1` as a whole cell.
static NUMBER_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Nn]o\.?\s*)?#?(\d{1,9})\s*[.):\-]?$").unwrap_or_else(|_| unreachable!())
});
/// `1) Text`, `1. Text`, `1 - Text` at the start of a cell or line.
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,9})\s*[.):\-]\s*\S").unwrap_or_else(|_| unreachable!()));
/// A list bullet at the start of a line.
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-*+\u{2022}\u{2013}]\s+\S").unwrap_or_else(|_| unreachable!()));
/// `Question:`, `**Question 2:**`, `Q:`, `Answer:`, `A:` labels.
static QA_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i)(\*\*|__)?\s*(question|answer|q|a)\s*\d{0,3}\s*(?::|\.(?:\s|$))\s*(\*\*|__)?\s*",
    )
    .unwrap_or_else(|_| unreachable!())
});

/// Parse an article. Never fails and never panics: whatever is not
/// recognised as structure is kept as lede/body text, and structural oddities
/// are recorded as notes.
/// `.md` / `.markdown` files (any case) are read as Markdown.
fn is_markdown(path: &str) -> bool {
    let ext = path.rsplit('.').next().unwrap_or("");
    path.contains('.') && (ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

pub fn parse_article(source: &SourceFile) -> Article {
    let original = source.text.as_str();
    let from = if original.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    // Comments and front matter are blanked so that they are never read as
    // headline, lede or section; spans stay those of the file.
    let front = comments::front_matter(original, from);
    let masked = comments::mask(original, front, &comments::html_comments(original));
    let text = masked.as_deref().unwrap_or(original);
    let blocks = if is_markdown(&source.path) {
        lines::markdown_blocks(text, from)
    } else {
        lines::blocks(text, from)
    };
    let mut p = Parser {
        source,
        text,
        notes: Vec::new(),
        body_end: None,
    };
    let zones = p.zones(&blocks);
    p.body_end = zones.body_end;
    let outline = p.entries(&zones.outline, NoteKind::OutlineNumbering, "outline");
    let key_points = p.entries(&zones.key_points, NoteKind::KeyPointNumbering, "key point");
    let (headline, lede, sections) = p.main(&blocks, &zones, &outline);
    // Front matter's `title:` stands in for a headline the body lacks.
    let headline = headline.or_else(|| front.and_then(|f| f.title).map(|r| p.node(r)));
    let summary = p.summary(&blocks, &zones);
    let faq = p.faq(&blocks, &zones.faq);
    let mut notes = p.notes;
    notes.sort_by_key(|n| (n.span.start, n.span.end));
    Article {
        schema_version: SCHEMA_VERSION,
        path: source.path.clone(),
        headline,
        lede,
        outline,
        sections,
        key_points,
        summary,
        faq,
        notes,
    }
}

/// A numbered row or list item before it becomes an [`Entry`].
#[derive(Debug, Clone, Copy)]
struct RawEntry {
    number: Option<Range>,
    text: Range,
}

/// Blocks sorted into the article's parts (indices into the block list).
#[derive(Debug, Default)]
struct Zones {
    /// Headline, lede and body blocks, in order.
    main: Vec<usize>,
    /// How many `main` blocks precede the outline (when there is one).
    outline_at: Option<usize>,
    /// How many `main` blocks precede the key points, summary or FAQ: the
    /// end of the body proper.
    body_end: Option<usize>,
    outline: Vec<RawEntry>,
    key_points: Vec<RawEntry>,
    /// The "Summary" title block, if any.
    summary_title: Option<usize>,
    summary: Vec<usize>,
    faq: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Main,
    /// After an outline title: list items are outline entries.
    OutlineList,
    /// After a key points title: list items are key points.
    KeyPointList,
    Summary,
    Faq,
}

struct Parser<'a> {
    source: &'a SourceFile,
    text: &'a str,
    notes: Vec<Note>,
    /// Copied from [`Zones::body_end`] once known.
    body_end: Option<usize>,
}

impl<'a> Parser<'a> {
    fn slice(&self, r: Range) -> &'a str {
        self.text.get(r.0..r.1).unwrap_or("")
    }

    fn node(&self, r: Range) -> Text {
        let span = self.source.span(r.0, r.1);
        Text {
            text: self.source.slice(&span).to_string(),
            span,
        }
    }

    fn note(&mut self, kind: NoteKind, message: String, r: Range, related: Option<Range>) {
        let span = self.source.span(r.0, r.1);
        let related = related.map(|r| self.source.span(r.0, r.1));
        self.notes.push(Note {
            kind,
            message,
            span,
            related,
        });
    }

    /// The fixed title a short block announces.
    fn title(&self, b: &Block) -> Option<Title> {
        if matches!(b.kind, BlockKind::Table(_)) || b.end - b.start > MATCH_MAX_BYTES {
            return None;
        }
        let s = self.slice((b.start, b.end));
        if s.split_whitespace().count() > 5 {
            return None;
        }
        title_of(s)
    }

    /// A heading that stands for "Summary" once the key points are past:
    /// "Conclusion", "Final Thoughts" and the like. (Before the key points
    /// such a line is an ordinary section heading.)
    fn closing_title(&self, b: &Block) -> bool {
        if matches!(b.kind, BlockKind::Table(_)) || b.end - b.start > 40 {
            return false;
        }
        matches!(
            norm(self.slice((b.start, b.end))).as_str(),
            "conclusion"
                | "in conclusion"
                | "final thoughts"
                | "the bottom line"
                | "bottom line"
                | "recap"
                | "wrap-up"
                | "overview"
                | "in brief"
                | "in short"
        )
    }

    /// A `Question:` / `Answer:` label at the start of a block: whether it
    /// is a question, and the text after the label.
    fn qa_label(&self, r: Range) -> Option<(bool, Range)> {
        let s = self.slice(r);
        let prefix = &s[..crate::source::floor_char_boundary(s, PREFIX_BYTES)];
        let caps = QA_LABEL.captures(prefix)?;
        let whole = caps.get(0)?;
        let word = caps.get(2)?.as_str();
        let is_question = word.starts_with(['q', 'Q']);
        // A bare `A.` could open a sentence ("A. Smith said"): only `A:`.
        if word.len() == 1 && !whole.as_str().contains(':') {
            return None;
        }
        let opened = caps.get(1).is_some() && caps.get(3).is_none();
        let mut rest = (r.0 + whole.end(), r.1);
        if opened {
            let body = self.slice(rest);
            for m in ["**", "__"] {
                if let Some(b) = body.strip_suffix(m) {
                    rest = (rest.0, rest.0 + b.len());
                    break;
                }
            }
        }
        Some((is_question, lines::trim(self.text, rest)))
    }

    // ---- pass 2: zones -------------------------------------------------

    fn zones(&mut self, blocks: &[Block]) -> Zones {
        let mut z = Zones::default();
        let mut zone = Zone::Main;
        // A title seen just before: it names the next table.
        let mut pending: Option<Title> = None;
        for (i, b) in blocks.iter().enumerate() {
            if let BlockKind::Table(t) = &b.kind {
                let kind = self.table_kind(t, pending, &z);
                pending = None;
                match kind {
                    Some(Title::Outline) => {
                        z.outline.extend(self.table_entries(t));
                        z.outline_at.get_or_insert(z.main.len());
                        zone = Zone::Main;
                    }
                    Some(Title::KeyPoints) => {
                        z.body_end.get_or_insert(z.main.len());
                        z.key_points.extend(self.table_entries(t));
                        zone = Zone::Main;
                    }
                    _ => {}
                }
                continue;
            }
            let r = (b.start, b.end);
            let closing = z.body_end.is_some()
                && !matches!(zone, Zone::Summary | Zone::Faq)
                && z.summary_title.is_none()
                && self.closing_title(b);
            let title = self.title(b).or(closing.then_some(Title::Summary));
            if let Some(title) = title {
                pending = Some(title);
                if title != Title::Outline {
                    z.body_end.get_or_insert(z.main.len());
                }
                zone = match title {
                    Title::Outline => {
                        z.outline_at.get_or_insert(z.main.len());
                        Zone::OutlineList
                    }
                    Title::KeyPoints => Zone::KeyPointList,
                    Title::Summary => {
                        z.summary_title = Some(i);
                        Zone::Summary
                    }
                    Title::Faq => Zone::Faq,
                };
                continue;
            }
            pending = None;
            match zone {
                Zone::Faq => z.faq.push(i),
                Zone::OutlineList | Zone::KeyPointList => {
                    if let Some(e) = self.list_item(r) {
                        if zone == Zone::OutlineList {
                            z.outline.push(e);
                        } else {
                            z.key_points.push(e);
                        }
                    } else {
                        zone = Zone::Main;
                        self.main_or_faq(i, r, &mut z, &mut zone);
                    }
                }
                Zone::Summary => {
                    if self.qa_label(r).is_some_and(|(q, _)| q) {
                        zone = Zone::Faq;
                        z.faq.push(i);
                    } else {
                        z.summary.push(i);
                    }
                }
                Zone::Main => self.main_or_faq(i, r, &mut z, &mut zone),
            }
        }
        z
    }

    /// A main-text block, unless a `Question:` label opens an FAQ that has
    /// no title.
    fn main_or_faq(&self, i: usize, r: Range, z: &mut Zones, zone: &mut Zone) {
        // Only the full word: `Q:` in the body may be an interview.
        let word = self.slice(r).trim_start_matches(['*', '_']);
        let full = word
            .get(..8)
            .is_some_and(|w| w.eq_ignore_ascii_case("question"));
        if full && self.qa_label(r).is_some_and(|(q, _)| q) {
            z.body_end.get_or_insert(z.main.len());
            *zone = Zone::Faq;
            z.faq.push(i);
        } else {
            z.main.push(i);
        }
    }

    /// Which part a table is: named by its header or by the title before it;
    /// a headerless numbered table is the outline early on, key points later.
    fn table_kind(&self, t: &Table, pending: Option<Title>, z: &Zones) -> Option<Title> {
        if let Some(first) = t.rows.first() {
            let header_title = first
                .cells
                .iter()
                .filter(|c| c.1 - c.0 <= MATCH_MAX_BYTES)
                .find_map(|&c| match title_of(self.slice(c)) {
                    Some(t @ (Title::Outline | Title::KeyPoints)) => Some(t),
                    _ => None,
                });
            if header_title.is_some() {
                return header_title;
            }
        }
        if let Some(t @ (Title::Outline | Title::KeyPoints)) = pending {
            return Some(t);
        }
        let numbered = t
            .rows
            .iter()
            .filter(|row| {
                self.row_entry(&row.cells)
                    .is_some_and(|e| e.number.is_some())
            })
            .count();
        if t.has_header || numbered < 2 || numbered * 2 < t.rows.len() {
            return None;
        }
        if z.outline.is_empty() && z.key_points.is_empty() && z.main.len() <= 3 {
            Some(Title::Outline)
        } else if z.key_points.is_empty() {
            Some(Title::KeyPoints)
        } else {
            None
        }
    }

    /// The entries of a table, header row excluded.
    fn table_entries(&self, t: &Table) -> Vec<RawEntry> {
        let skip = match t.rows.first() {
            Some(_) if t.has_header => 1,
            Some(first) => {
                // Without a delimiter row, a first row that is a title is
                // still a header.
                let titled = first
                    .cells
                    .iter()
                    .any(|&c| c.1 - c.0 <= MATCH_MAX_BYTES && title_of(self.slice(c)).is_some());
                usize::from(titled)
            }
            None => 0,
        };
        t.rows
            .iter()
            .skip(skip)
            .filter_map(|row| self.row_entry(&row.cells))
            .collect()
    }

    /// A row as an entry: `1 | text`, `1) text |` or just `text |`.
    fn row_entry(&self, cells: &[Range]) -> Option<RawEntry> {
        let mut nonempty = cells.iter().copied().filter(|c| c.0 < c.1);
        let first = nonempty.next()?;
        let first_text = self.slice(first);
        if first.1 - first.0 <= 20 {
            if let Some(m) = NUMBER_CELL.captures(first_text).and_then(|c| c.get(1)) {
                let number = (first.0 + m.start(), first.0 + m.end());
                // A number with no text is kept so it can be noted.
                let text = nonempty.next().unwrap_or((number.1, number.1));
                return Some(RawEntry {
                    number: Some(number),
                    text,
                });
            }
        }
        if let Some(e) = self.numbered(first) {
            return Some(e);
        }
        Some(RawEntry {
            number: None,
            text: first,
        })
    }

    /// `1) Text` / `1. Text` inside a range.
    fn numbered(&self, r: Range) -> Option<RawEntry> {
        let s = self.slice(r);
        let prefix = &s[..crate::source::floor_char_boundary(s, PREFIX_BYTES)];
        let caps = NUMBERED.captures(prefix)?;
        let digits = caps.get(1)?;
        let whole = caps.get(0)?;
        // The match ends one char into the text.
        let text_start = r.0 + whole.end() - 1;
        let text_start = crate::source::floor_char_boundary(self.text, text_start);
        let text = lines::unwrap_emphasis(self.text, (text_start, r.1));
        Some(RawEntry {
            number: Some((r.0 + digits.start(), r.0 + digits.end())),
            text,
        })
    }

    /// A list line under an outline or key points title.
    fn list_item(&self, r: Range) -> Option<RawEntry> {
        if let Some(e) = self.numbered(r) {
            return Some(e);
        }
        let s = self.slice(r);
        let prefix = &s[..crate::source::floor_char_boundary(s, PREFIX_BYTES)];
        let m = BULLET.find(prefix)?;
        let start = crate::source::floor_char_boundary(self.text, r.0 + m.end() - 1);
        Some(RawEntry {
            number: None,
            text: lines::unwrap_emphasis(self.text, (start, r.1)),
        })
    }

    /// Entries with their numbers checked: each number should be one more
    /// than the one before. An entry is noted when it fits neither its
    /// predecessor nor its position, so one gap gives one note.
    fn entries(&mut self, raw: &[RawEntry], kind: NoteKind, what: &str) -> Vec<Entry> {
        let mut out = Vec::with_capacity(raw.len());
        let mut prev: Option<u32> = None;
        for (i, e) in raw.iter().enumerate() {
            if e.text.0 >= e.text.1 {
                let at = e.number.unwrap_or(e.text);
                let number = self.slice(at).to_string();
                self.note(
                    NoteKind::MalformedTableRow,
                    format!("{what} row `{number}` has no text"),
                    at,
                    None,
                );
                continue;
            }
            let number = e
                .number
                .map(|r| self.slice(r).to_string())
                .unwrap_or_default();
            let value = number.parse::<u32>().ok();
            if let Some(v) = value {
                let position = u32::try_from(out.len() + 1).unwrap_or(u32::MAX);
                let after_prev = prev.map_or(1, |p| p.saturating_add(1));
                if v != after_prev && v != position {
                    let message = match prev {
                        None => format!("{what} numbering starts at `{v}`"),
                        Some(p) if p == v => format!("{what} number `{v}` is repeated"),
                        Some(p) if v < p => format!("{what} `{v}` comes after `{p}`"),
                        Some(p) => format!("{what} numbering jumps from `{p}` to `{v}`"),
                    };
                    let at = e.number.unwrap_or(e.text);
                    let related = raw.get(i.wrapping_sub(1)).and_then(|p| p.number);
                    self.note(kind, message, at, related);
                }
                prev = Some(v);
            }
            let span = self.source.span(e.text.0, e.text.1);
            out.push(Entry {
                number,
                value,
                text: self.source.slice(&span).to_string(),
                span,
                number_span: e.number.map(|r| self.source.span(r.0, r.1)),
            });
        }
        out
    }

    // ---- pass 3: headline, lede, sections --------------------------------

    fn words(&self, r: Range, limit: usize) -> usize {
        self.slice(r).split_whitespace().take(limit + 1).count()
    }

    /// Paragraph text: long or ending a sentence.
    fn is_prose(&self, b: &Block) -> bool {
        matches!(b.kind, BlockKind::Para)
            && (b.end - b.start > HEADING_MAX_BYTES
                || self.words((b.start, b.end), HEADING_MAX_WORDS) > HEADING_MAX_WORDS
                || lines::ends_with_punct(self.text, (b.start, b.end)))
    }

    /// A plain line shaped like a section heading: short, capitalised, no
    /// terminal punctuation (a question mark is allowed), followed by
    /// paragraph text.
    fn heading_shaped(&self, b: &Block, next: Option<&Block>) -> bool {
        let r = (b.start, b.end);
        if !matches!(b.kind, BlockKind::Para)
            || r.1 - r.0 > HEADING_MAX_BYTES
            || self.words(r, HEADING_MAX_WORDS) > HEADING_MAX_WORDS
        {
            return false;
        }
        let s = self.slice(r);
        let Some(first) = s.chars().next() else {
            return false;
        };
        if !(first.is_uppercase()
            || first.is_ascii_digit()
            || "\"'\u{201C}\u{2018}".contains(first))
        {
            return false;
        }
        if self.numbered(r).is_some() || self.qa_label(r).is_some() {
            return false;
        }
        let last = lines::last_meaningful_char(self.text, r);
        if last.is_some_and(|c| ".!:;,\u{2026}".contains(c)) {
            return false;
        }
        if last == Some('?') && !self.title_case(r) {
            return false;
        }
        next.is_some_and(|n| self.is_prose(n))
    }

    /// Most longer words capitalised ("Law Enforcement's Perspective").
    fn title_case(&self, r: Range) -> bool {
        let words: Vec<&str> = self
            .slice(r)
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .collect();
        let caps = words
            .iter()
            .filter(|w| {
                w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        !words.is_empty() && caps * 3 >= words.len() * 2
    }

    fn is_headline(&self, b: &Block, rest: bool) -> bool {
        match b.kind {
            BlockKind::Heading(1) => true,
            BlockKind::Para => {
                let r = (b.start, b.end);
                rest && r.1 - r.0 <= HEADLINE_MAX_BYTES
                    && self.words(r, HEADLINE_MAX_WORDS) <= HEADLINE_MAX_WORDS
                    && !lines::last_meaningful_char(self.text, r)
                        .is_some_and(|c| ".!?:;,\u{2026}".contains(c))
                    && self.numbered(r).is_none()
                    && !self.slice(r).starts_with("By ")
            }
            _ => false,
        }
    }

    fn main(
        &mut self,
        blocks: &[Block],
        z: &Zones,
        outline: &[Entry],
    ) -> (Option<Text>, Vec<Text>, Vec<Section>) {
        let main: Vec<&Block> = z.main.iter().filter_map(|&i| blocks.get(i)).collect();
        let outline_keys: HashSet<String> = outline.iter().map(|e| norm(&e.text)).collect();

        // Headline: the very first block of the file.
        let mut first_body = 0;
        let mut headline = None;
        if let (Some(&0), Some(b)) = (z.main.first(), main.first()) {
            let short = b.end - b.start <= MATCH_MAX_BYTES;
            let in_outline = short && outline_keys.contains(&norm(self.slice((b.start, b.end))));
            if !in_outline && self.is_headline(b, blocks.len() > 1) {
                headline = Some(self.node((b.start, b.end)));
                first_body = 1;
            }
        }

        // Headings are searched after the outline (if any) and the headline.
        let search_from = z.outline_at.unwrap_or(0).max(first_body);
        let headings = if outline.is_empty() {
            self.headings_by_shape(&main, search_from)
        } else {
            self.headings_by_outline(&main, search_from, outline)
        };

        let mut lede = Vec::new();
        let mut sections = Vec::new();
        let first_heading = headings.first().copied().unwrap_or(main.len());
        for b in main.iter().take(first_heading).skip(first_body) {
            lede.push(self.node((b.start, b.end)));
        }
        for (k, &h) in headings.iter().enumerate() {
            let end = headings.get(k + 1).copied().unwrap_or(main.len());
            let Some(hb) = main.get(h) else { continue };
            let heading = self.node((hb.start, hb.end));
            let paragraphs: Vec<Text> = main
                .get(h + 1..end)
                .unwrap_or(&[])
                .iter()
                .map(|b| self.node((b.start, b.end)))
                .collect();
            let last_end = paragraphs.last().map_or(hb.end, |p| p.span.end);
            if paragraphs.is_empty() {
                let deeper_next = match (&hb.kind, main.get(end).map(|b| &b.kind)) {
                    (BlockKind::Heading(a), Some(BlockKind::Heading(b))) => *a >= 1 && b > a,
                    _ => false,
                };
                if !deeper_next {
                    self.note(
                        NoteKind::EmptySection,
                        format!("section `{}` has no paragraphs", heading.text),
                        (hb.start, hb.end),
                        None,
                    );
                }
            }
            sections.push(Section {
                heading,
                paragraphs,
                span: self.source.span(hb.start, last_end),
            });
        }
        (headline, lede, sections)
    }

    /// Without an outline: marked headings and heading-shaped lines.
    fn headings_by_shape(&self, main: &[&Block], from: usize) -> Vec<usize> {
        (from..main.len())
            .filter(|&i| {
                main.get(i).is_some_and(|b| {
                    matches!(b.kind, BlockKind::Heading(_))
                        || self.heading_shaped(b, main.get(i + 1).copied())
                })
            })
            .collect()
    }

    /// With an outline: entries find their headings (exact, then by word
    /// overlap in order); marked or title-case heading-shaped lines the
    /// outline does not list are sections too.
    fn headings_by_outline(
        &mut self,
        main: &[&Block],
        from: usize,
        outline: &[Entry],
    ) -> Vec<usize> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, b) in main.iter().enumerate().skip(from) {
            if b.end - b.start <= MATCH_MAX_BYTES && !self.is_prose(b) {
                by_key
                    .entry(norm(self.slice((b.start, b.end))))
                    .or_default()
                    .push(i);
            }
        }
        let mut matched: Vec<Option<usize>> = vec![None; outline.len()];
        let mut used: HashSet<usize> = HashSet::new();
        let mut last = from;
        for (k, e) in outline.iter().enumerate() {
            if e.text.len() > MATCH_MAX_BYTES {
                continue;
            }
            let Some(cands) = by_key.get(&norm(&e.text)) else {
                continue;
            };
            let pick = cands
                .iter()
                .copied()
                .find(|&i| i >= last && !used.contains(&i))
                .or_else(|| cands.iter().copied().find(|i| !used.contains(i)));
            if let Some(i) = pick {
                matched[k] = Some(i);
                used.insert(i);
                last = last.max(i);
            }
        }
        let shaped: Vec<usize> = (from..main.len())
            .filter(|&i| {
                !used.contains(&i)
                    && main.get(i).is_some_and(|b| {
                        matches!(b.kind, BlockKind::Heading(_))
                            || self.heading_shaped(b, main.get(i + 1).copied())
                    })
            })
            .collect();
        let fuzzy = self.fuzzy_match(main, outline, &mut matched, &shaped, from);
        for &i in &fuzzy {
            used.insert(i);
        }

        // Notes: unmatched entries, reworded headings, order.
        for (k, e) in outline.iter().enumerate() {
            let r = (e.span.start, e.span.end);
            match matched[k].and_then(|i| main.get(i).map(|b| (i, b))) {
                None => self.note(
                    NoteKind::OutlineEntryWithoutSection,
                    format!("outline entry `{}` has no matching section", e.text),
                    r,
                    None,
                ),
                Some((i, b)) if fuzzy.contains(&i) => {
                    let heading = self.slice((b.start, b.end));
                    self.note(
                        NoteKind::OutlineHeadingDiffers,
                        format!(
                            "outline entry `{}` is worded differently from its heading `{heading}`",
                            e.text
                        ),
                        r,
                        Some((b.start, b.end)),
                    );
                }
                Some(_) => {}
            }
        }
        let mut prev: Option<usize> = None;
        for (k, m) in matched.iter().enumerate() {
            let Some(i) = *m else { continue };
            if prev.is_some_and(|p| i < p) {
                if let (Some(e), Some(b)) = (outline.get(k), main.get(i)) {
                    self.note(
                        NoteKind::OutlineOrderDiffers,
                        format!("outline entry `{}` is out of order with the body", e.text),
                        (e.span.start, e.span.end),
                        Some((b.start, b.end)),
                    );
                }
            }
            prev = Some(prev.map_or(i, |p| p.max(i)));
        }

        // Sections the outline does not list: marked headings, and plain
        // heading-shaped lines in title case after the first listed section.
        let first_listed = used.iter().copied().min().unwrap_or(main.len());
        let body_end = self.body_end.unwrap_or(main.len());
        let mut headings: Vec<usize> = used.iter().copied().collect();
        for &i in &shaped {
            if used.contains(&i) {
                continue;
            }
            let Some(b) = main.get(i) else { continue };
            let marked = matches!(b.kind, BlockKind::Heading(_));
            let in_body = i > first_listed && i < body_end;
            if marked || (in_body && self.title_case((b.start, b.end))) {
                headings.push(i);
                self.note(
                    NoteKind::SectionNotInOutline,
                    format!(
                        "section `{}` is not listed in the outline",
                        self.slice((b.start, b.end))
                    ),
                    (b.start, b.end),
                    None,
                );
            }
        }
        headings.sort_unstable();
        headings
    }

    /// Match the outline entries left over by the exact pass to heading-shaped
    /// lines between their matched neighbours: best word overlap in order,
    /// then a lone entry to a lone line. Returns the lines matched here.
    fn fuzzy_match(
        &self,
        main: &[&Block],
        outline: &[Entry],
        matched: &mut [Option<usize>],
        shaped: &[usize],
        from: usize,
    ) -> Vec<usize> {
        let mut found = Vec::new();
        let mut k = 0;
        while k < outline.len() {
            if matched[k].is_some() {
                k += 1;
                continue;
            }
            let run_start = k;
            while k < outline.len() && matched[k].is_none() {
                k += 1;
            }
            let lo = matched[..run_start]
                .iter()
                .rev()
                .find_map(|m| *m)
                .unwrap_or(from);
            let hi = matched[k..].iter().find_map(|m| *m).unwrap_or(main.len());
            let lo_i = shaped.partition_point(|&i| i < lo);
            let hi_i = shaped.partition_point(|&i| i < hi);
            let window = shaped.get(lo_i..hi_i).unwrap_or(&[]);
            let run = run_start..k;
            if window.is_empty() || run.len() * window.len() > FUZZY_MAX_PAIRS {
                continue;
            }
            let cand_words: Vec<Vec<String>> = window
                .iter()
                .map(|&i| {
                    main.get(i)
                        .map_or_else(Vec::new, |b| content_words(self.slice((b.start, b.end))))
                })
                .collect();
            let mut taken = vec![false; window.len()];
            let mut next_from = 0;
            for e in run.clone() {
                let ew = content_words(&outline[e].text);
                let best = (next_from..window.len())
                    .filter(|&c| !taken[c])
                    .map(|c| (c, overlap(&ew, &cand_words[c])))
                    .filter(|(_, (shared, dice))| *shared >= 1 && *dice >= 0.34)
                    .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1).then(b.0.cmp(&a.0)));
                if let Some((c, _)) = best {
                    taken[c] = true;
                    next_from = c + 1;
                    matched[e] = Some(window[c]);
                    found.push(window[c]);
                }
            }
            let left_entries: Vec<usize> = run.filter(|&e| matched[e].is_none()).collect();
            let left_lines: Vec<usize> = (0..window.len()).filter(|&c| !taken[c]).collect();
            if let ([e], [c]) = (left_entries.as_slice(), left_lines.as_slice()) {
                let i = window[*c];
                let ok_order = found.iter().all(|&f| f < i) || found.iter().all(|&f| f > i);
                if ok_order
                    && main.get(i).is_some_and(|b| {
                        self.title_case((b.start, b.end)) || matches!(b.kind, BlockKind::Heading(_))
                    })
                {
                    matched[*e] = Some(i);
                    found.push(i);
                }
            }
        }
        found
    }

    // ---- summary and FAQ -------------------------------------------------

    fn summary(&mut self, blocks: &[Block], z: &Zones) -> Option<Summary> {
        let title = blocks.get(z.summary_title?)?;
        let paragraphs: Vec<Text> = z
            .summary
            .iter()
            .filter_map(|&i| blocks.get(i))
            .map(|b| self.node((b.start, b.end)))
            .collect();
        let span = match (paragraphs.first(), paragraphs.last()) {
            (Some(f), Some(l)) => self.source.span(f.span.start, l.span.end),
            _ => {
                self.note(
                    NoteKind::EmptySection,
                    "the summary has no paragraphs".into(),
                    (title.start, title.end),
                    None,
                );
                self.source.span(title.end, title.end)
            }
        };
        Some(Summary { paragraphs, span })
    }

    fn faq(&mut self, blocks: &[Block], ids: &[usize]) -> Vec<FaqEntry> {
        let items: Vec<&Block> = ids.iter().filter_map(|&i| blocks.get(i)).collect();
        let labelled = items
            .iter()
            .any(|b| self.qa_label((b.start, b.end)).is_some_and(|(q, _)| q));
        // (question, answer start, answer end)
        let mut pairs: Vec<(Range, Option<Range>)> = Vec::new();
        for b in &items {
            let r = (b.start, b.end);
            let label = self.qa_label(r);
            let is_question = match label {
                Some((q, _)) => q,
                None if matches!(b.kind, BlockKind::Heading(_)) => true,
                None => {
                    !labelled
                        && lines::last_meaningful_char(self.text, r) == Some('?')
                        && self.words(r, 40) <= 40
                }
            };
            let body = label.map_or(r, |(_, rest)| rest);
            if is_question {
                pairs.push((body, None));
            } else if let Some((_, answer)) = pairs.last_mut() {
                if body.0 < body.1 {
                    *answer = Some(answer.map_or(body, |a| (a.0, body.1)));
                }
            }
        }
        let mut out = Vec::with_capacity(pairs.len());
        for (q, a) in pairs {
            let question = self.node(q);
            if a.is_none() {
                self.note(
                    NoteKind::QuestionWithoutAnswer,
                    format!("question `{}` has no answer", question.text),
                    q,
                    None,
                );
            }
            out.push(FaqEntry {
                question,
                answer: a.map(|a| self.node(a)),
            });
        }
        out
    }
}
