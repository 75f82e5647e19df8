//! Text that is not article text: HTML comments (`<!-- … -->`, where inline
//! suppressions live) and YAML front matter (`---` … `---` at the top).
//!
//! The parser reads a *masked* copy of the file in which both are blanked
//! out byte for byte (newlines kept), so every span still points into the
//! original file while a comment or a front-matter line can never become a
//! headline, lede, heading or paragraph.

/// A byte range into the source.
pub type Range = (usize, usize);

/// YAML front matter at the top of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line.
    pub range: Range,
    /// The value of a top-level `title:` key, quotes excluded.
    pub title: Option<Range>,
}

/// The front matter starting at byte `from` (after a byte-order mark): a
/// first line `---`, then lines up to a closing `---` or `...` line. An
/// opening line without a closing one is not front matter.
pub fn front_matter(text: &str, from: usize) -> Option<FrontMatter> {
    let rest = text.get(from..)?;
    let first_end = rest.find('\n')?;
    if rest[..first_end].trim_end() != "---" {
        return None;
    }
    let mut pos = from + first_end + 1;
    let mut title = None;
    while pos <= text.len() {
        let line_len = text[pos..].find('\n').unwrap_or(text.len() - pos);
        let line = &text[pos..pos + line_len];
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let end = (pos + line_len + 1).min(text.len());
            return Some(FrontMatter {
                range: (from, end),
                title,
            });
        }
        if title.is_none() {
            title = title_value(line).map(|(s, e)| (pos + s, pos + e));
        }
        if pos + line_len >= text.len() {
            break;
        }
        pos += line_len + 1;
    }
    None
}

/// `title: Value`, `title: "Value"` or `title: 'Value'` at the start of a
/// line: the value's range within the line.
fn title_value(line: &str) -> Option<Range> {
    let after = line.strip_prefix("title:")?;
    let offset = line.len() - after.len();
    let value = after.trim_end();
    let lead = value.len() - value.trim_start().len();
    let (mut s, mut e) = (offset + lead, offset + value.len());
    let v = line.get(s..e)?;
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            s += 1;
            e -= 1;
            break;
        }
    }
    (s < e).then_some((s, e))
}

/// Every closed HTML comment, `<!--` to `-->` inclusive, in order. An
/// unclosed `<!--` is left as text.
pub fn html_comments(text: &str) -> Vec<Range> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = text.get(pos..).and_then(|r| r.find("<!--")) {
        let start = pos + i;
        let body = start + 4;
        match text.get(body..).and_then(|r| r.find("-->")) {
            Some(j) => {
                let end = body + j + 3;
                out.push((start, end));
                pos = end;
            }
            None => break,
        }
    }
    out
}

/// The text with front matter and comments blanked (every byte but `\n`
/// becomes a space), or `None` when there is nothing to blank.
pub fn mask(text: &str, front: Option<FrontMatter>, comments: &[Range]) -> Option<String> {
    if front.is_none() && comments.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    let ranges = front
        .map(|f| f.range)
        .into_iter()
        .chain(comments.iter().copied());
    for (s, e) in ranges {
        for b in bytes.get_mut(s..e).into_iter().flatten() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII, so this cannot fail; fall
    // back to the original text rather than panic.
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_with_quoted_title() {
        let t = "---\nlayout: post\ntitle: \"Mayors meet\"\n---\nBody.";
        let fm = front_matter(t, 0).expect("front matter");
        assert_eq!(
            &t[fm.range.0..fm.range.1],
            "---\nlayout: post\ntitle: \"Mayors meet\"\n---\n"
        );
        let (s, e) = fm.title.expect("title");
        assert_eq!(&t[s..e], "Mayors meet");
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        assert_eq!(front_matter("---\ntitle: x\nno end", 0), None);
        assert_eq!(front_matter("Headline\n---\n", 0), None);
    }

    #[test]
    fn comments_are_found_and_masked_keeping_lengths() {
        let t = "<!-- a\nb -->Text <!-- é --> more <!-- open";
        let c = html_comments(t);
        assert_eq!(c, vec![(0, 12), (17, 28)]);
        let m = mask(t, None, &c).expect("masked");
        assert_eq!(m.len(), t.len());
        assert_eq!(&m[..13], "      \n     T");
        assert!(m.ends_with("more <!-- open"));
    }
}
