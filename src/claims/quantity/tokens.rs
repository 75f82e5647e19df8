//! A linear tokenizer over normalised text: words, numbers, symbols and
//! punctuation, each with its byte range and whether whitespace precedes it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with apostrophes inside (`o'clock`, `city's`).
    Word,
    /// Digits with thousands separators and one decimal part: `2,000`, `8.3`.
    Num,
    /// Any other single non-space character.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// ASCII-lower-cased text, a slice of the lower-cased block.
    pub lower: &'a str,
    /// True when whitespace separates this token from the previous one.
    pub space: bool,
    /// True when the first char is upper case.
    pub cap: bool,
}

/// Split normalised text into tokens. One pass, no backtracking. `lower` is
/// `s` ASCII-lower-cased (same byte offsets); tokens borrow their text from it.
pub fn tokenize<'a>(s: &str, lower: &'a str) -> Vec<Tok<'a>> {
    let b = s.as_bytes();
    // About one token per five bytes of prose.
    let mut out: Vec<Tok> = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    while i < s.len() {
        let Some(c) = char_at(s, i) else {
            break;
        };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit()
            || (c == '.'
                && b.get(i + 1).is_some_and(|d| d.is_ascii_digit())
                && !out.last().is_some_and(|t| t.kind == Kind::Num && !space))
        {
            kind = Kind::Num;
            i = scan_number(b, i);
        } else if c.is_alphabetic() {
            kind = Kind::Word;
            i += cl;
            while let Some(d) = char_at(s, i) {
                if d.is_alphabetic() {
                    i += d.len_utf8();
                } else if d == '\'' && char_at(s, i + 1).is_some_and(|e| e.is_alphabetic()) {
                    i += 1;
                } else {
                    break;
                }
            }
        } else {
            kind = Kind::Punct;
            i += cl;
        }
        out.push(Tok {
            kind,
            start,
            end: i,
            lower: lower.get(start..i).unwrap_or(""),
            space,
            cap: c.is_uppercase(),
        });
        space = false;
    }
    out
}

/// The char that starts at byte `i` (ASCII without decoding), or `None` at
/// the end or inside a char.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// End of a number starting at `i`: digits, `,ddd` groups, one `.ddd` part.
fn scan_number(b: &[u8], mut i: usize) -> usize {
    let digit = |j: usize| b.get(j).is_some_and(|d| d.is_ascii_digit());
    let mut seen_dot = false;
    if b.get(i) == Some(&b'.') {
        seen_dot = true;
        i += 1;
    }
    while digit(i) {
        i += 1;
    }
    loop {
        match b.get(i) {
            Some(b',')
                if !seen_dot && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) =>
            {
                i += 4;
            }
            Some(b'.') if !seen_dot && digit(i + 1) => {
                seen_dot = true;
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            _ => break,
        }
    }
    i
}

/// The value of a digits token: separators dropped.
pub fn num_value(s: &str) -> Option<f64> {
    if !s.contains(',') {
        return s.parse::<f64>().ok();
    }
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_separators_and_decimals() {
        let text = "about 2,000 and 8.3, .5 or 1,20";
        let lower = text.to_ascii_lowercase();
        let t = tokenize(text, &lower);
        let nums: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == Kind::Num)
            .map(|t| &"about 2,000 and 8.3, .5 or 1,20"[t.start..t.end])
            .collect();
        assert_eq!(nums, ["2,000", "8.3", ".5", "1", "20"]);
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let t = tokenize("the city's 3pm", "the city's 3pm");
        assert_eq!(t[1].lower, "city's");
        assert!(!t[3].space);
    }
}
