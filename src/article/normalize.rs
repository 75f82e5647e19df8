//! Normalisation used to match headings against outline entries and to
//! recognise the genre's fixed titles ("Key Points", "Summary", ...).
//!
//! Only for comparisons: nodes always keep their original source text.

/// Map one char for matching: curly quotes become straight, dashes `-`,
/// non-breaking and other odd spaces ` `, letters lower case.
fn fold(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => {
            out.push('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        c if c.is_whitespace() => out.push(' '),
        c => out.extend(c.to_lowercase()),
    }
}

/// Text folded for exact comparison: case, quotes, dashes and whitespace
/// runs normalised; emphasis markers and trailing punctuation dropped.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '*' || c == '_' {
            continue;
        }
        fold(c, &mut folded);
    }
    let mut out = String::with_capacity(folded.len());
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let trimmed = out.trim_end_matches(|c: char| ".:;,!?#|".contains(c) || c == ' ');
    trimmed.trim_start_matches('#').trim().to_string()
}

const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
    "its", "of", "on", "or", "over", "the", "their", "this", "to", "with", "amid", "after",
];

/// Content words for overlap scores: lower case, quotes folded, possessives
/// and a plural `s` stripped, stopwords dropped.
pub fn content_words(s: &str) -> Vec<String> {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        fold(c, &mut folded);
    }
    let mut out: Vec<String> = Vec::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let w = raw.trim_matches('\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        if w.is_empty() || STOPWORDS.contains(&w) {
            continue;
        }
        let w = stem(w);
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// A very light stemmer: enough that "Roads" meets "Road" and "Closures"
/// meets "Closure".
fn stem(w: &str) -> String {
    let n = w.chars().count();
    if n > 4 {
        if let Some(s) = w.strip_suffix("ies") {
            return format!("{s}y");
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Dice coefficient of two content-word sets, with the shared count.
pub fn overlap(a: &[String], b: &[String]) -> (usize, f64) {
    if a.is_empty() || b.is_empty() {
        return (0, 0.0);
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    (shared, 2.0 * shared as f64 / (a.len() + b.len()) as f64)
}

/// True when two headings differ only in case, quotes, punctuation,
/// stopwords or plural endings: the same words, so not a real rewording.
pub fn same_wording(a: &str, b: &str) -> bool {
    let (wa, wb) = (content_words(a), content_words(b));
    wa.len() == wb.len() && wa.iter().all(|w| wb.contains(w))
}

/// What a fixed title line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Title {
    Outline,
    KeyPoints,
    Summary,
    Faq,
}

/// Recognise the genre's fixed titles. `s` must be short (callers check).
pub fn title_of(s: &str) -> Option<Title> {
    let n = norm(s);
    let n = n.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    if n.contains("subheading")
        || matches!(
            n,
            "contents" | "table of contents" | "in this article" | "outline" | "article outline"
        )
    {
        return Some(Title::Outline);
    }
    let short = n.split(' ').count() <= 3;
    if (short && (n.starts_with("key point") || n.starts_with("key takeaway")))
        || matches!(
            n,
            "takeaways" | "highlights" | "main points" | "at a glance"
        )
    {
        return Some(Title::KeyPoints);
    }
    if matches!(n, "summary" | "in summary" | "article summary") {
        return Some(Title::Summary);
    }
    if n.contains("frequently asked question")
        || matches!(
            n,
            "faq" | "faqs" | "questions and answers" | "q&a" | "q & a" | "questions & answers"
        )
    {
        return Some(Title::Faq);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_case_quotes_and_space() {
        assert_eq!(
            norm("Law Enforcement\u{2019}s\u{a0} Perspective "),
            "law enforcement's perspective"
        );
        assert_eq!(norm("**Summary:**"), "summary");
    }

    #[test]
    fn reworded_headings_overlap() {
        let a = content_words("Power and Road Closures");
        let b = content_words("Roads, Bridges and Power");
        let (shared, dice) = overlap(&a, &b);
        assert_eq!(shared, 2);
        assert!(dice > 0.6);
    }

    #[test]
    fn same_wording_ignores_stopwords_and_plurals() {
        assert!(same_wording("The Mayors Unite", "Mayor unite"));
        assert!(!same_wording(
            "Power and Road Closures",
            "Roads, Bridges and Power"
        ));
    }

    #[test]
    fn titles_are_recognised() {
        assert_eq!(title_of("Article Subheadings"), Some(Title::Outline));
        assert_eq!(title_of("Key Points"), Some(Title::KeyPoints));
        assert_eq!(title_of("## Summary"), Some(Title::Summary));
        assert_eq!(title_of("Frequently Asked Questions"), Some(Title::Faq));
        assert_eq!(title_of("Responses from Federal Officials"), None);
    }
}
