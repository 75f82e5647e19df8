//! Property tests: parse, extract and check on arbitrary text never panic,
//! every span is in bounds, on char boundaries and slices to its node's text,
//! line/column agree with the byte offsets, JSON output parses, and the
//! output is the same when run twice. The checks live in `invariants.rs`,
//! shared with the fuzz targets.

use newslint::SourceFile;
use proptest::prelude::*;

use crate::invariants::{verify_all, verify_claims, verify_parse};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // Failures are reported with their shrunk input; keep no files around.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Lines typical of the genre, with the oddities seen in real articles.
pub(crate) fn genre_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Article Subheadings |".to_string()),
        Just("---|".to_string()),
        Just("---|---|".to_string()),
        Just("| :--- | ---: |".to_string()),
        Just("No. | Key Points |".to_string()),
        Just("Summary".to_string()),
        Just("## Summary".to_string()),
        Just("Frequently Asked Questions".to_string()),
        Just("".to_string()),
        Just("|".to_string()),
        Just(")".to_string()),
        (0u32..12, words()).prop_map(|(n, w)| format!("{n}) {w} |")),
        (0u32..12, words()).prop_map(|(n, w)| format!("{n} | {w} |")),
        (0u32..12, words()).prop_map(|(n, w)| format!("| {n} | {w} |")),
        words().prop_map(|w| format!("## {w}")),
        words().prop_map(|w| format!("# {w}")),
        words().prop_map(|w| format!("### {w}?")),
        words().prop_map(|w| format!("Question: {w}?")),
        words().prop_map(|w| format!("**Question:** {w}?")),
        words().prop_map(|w| format!("Q: {w}?")),
        words().prop_map(|w| format!("A: {w}.")),
        words().prop_map(|w| format!("Answer: {w}.")),
        sentence(),
        prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" ")),
    ]
}

/// A short phrase: capitalised names, plain words, hedged numbers, quotes.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..8).prop_map(|w| w.join(" "))
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "the", "mayors", "arrests", "were", "made", "said", "Mayor", "Karen", "Bass",
            "Gov.", "Dr.", "Ms.", "President", "Trump", "of", "Huntington", "Park", "and",
            "Wednesday,", "June", "10,", "2025", "last", "week", "on", "Tuesday", "according",
            "to", "National", "Guard", "soldiers", "another", "percent", "%", "$", "million",
            "billion", "a", "dozen", "half", "third", "between", "to", "-", "–", "—", "…",
            "nearly", "over", "more", "than", "at", "least", "roughly", "about", "some",
            "up", "as", "many", "fewer", "less", "under", "no", "just", "an", "estimated",
            "upwards", "almost", "twenty-five", "nine", "Twelve", "hundreds", "dozens",
            "45-year-old", "6-3", "1st", "he", "she", "they", "it", "argued", "that", ":",
            ",", ".", "?", "!", "'", "’", "‘", "\"", "“", "”", "«", "»", "\u{a0}", "\t",
            "*", "**", "|", "\r", "\u{feff}",
        ]).prop_map(str::to_string),
        1 => number(),
        1 => quoted(),
        1 => "[A-Z][a-z]{0,8}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u32>().prop_map(|n| n.to_string()),
        (0u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (0u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a}-{b}")),
        (0u32..100).prop_map(|a| format!("${a}.5bn")),
        (0u32..100).prop_map(|a| format!("€{a}m")),
        (0u32..100).prop_map(|a| format!("{a}%")),
        "[0-9,.]{1,12}",
        Just("99999999999999999999999999999".to_string()),
        Just("1e308".to_string()),
        Just("0.0000000000001".to_string()),
        Just("1,2,3,4,5,6".to_string()),
    ]
}

fn quoted() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec![
            ("\"", "\""),
            ("“", "”"),
            ("‘", "’"),
            ("\"", ""),
            ("", "”"),
            ("“", "\""),
            ("”", "“"),
        ]),
        prop::collection::vec("[a-z]{1,6}", 0..5),
    )
        .prop_map(|((open, close), w)| format!("{open}{}{close}", w.join(" ")))
}

fn sentence() -> impl Strategy<Value = String> {
    (
        words(),
        prop::sample::select(vec![".", "", "?", "!", ":", "…"]),
    )
        .prop_map(|(w, end)| format!("{w}{end}"))
}

/// A whole article-like text: genre lines joined by varied line endings.
pub(crate) fn genre_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(genre_line(), 0..40),
        prop::sample::select(vec!["\n", "\r\n", "\n\n", "\r", " \n"]),
        any::<bool>(),
    )
        .prop_map(|(lines, nl, bom)| {
            let body = lines.join(nl);
            if bom {
                format!("\u{feff}{body}")
            } else {
                body
            }
        })
}

fn lossy_bytes() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..600)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in any::<String>()) {
        verify_all(&SourceFile::new("prop.txt", text));
    }

    #[test]
    fn lossily_decoded_bytes_keep_every_invariant(text in lossy_bytes()) {
        verify_all(&SourceFile::new("prop.txt", text));
    }

    #[test]
    fn genre_line_mixtures_keep_every_invariant(text in genre_text()) {
        verify_all(&SourceFile::new("prop.txt", text));
    }

    #[test]
    fn hedged_number_sentences_keep_claim_invariants(
        sentences in prop::collection::vec(sentence(), 1..20)
    ) {
        verify_claims(&SourceFile::new("prop.txt", sentences.join(" ")));
    }

    #[test]
    fn fixtures_with_spliced_genre_lines_keep_every_invariant(
        fixture in fixture(),
        at in any::<prop::sample::Index>(),
        insert in genre_line(),
    ) {
        let at = at.index(fixture.len() + 1);
        let at = newslint::source::floor_char_boundary(&fixture, at);
        let text = format!("{}{}\n{}", &fixture[..at], insert, &fixture[at..]);
        verify_all(&SourceFile::new("prop.txt", text));
    }

    #[test]
    fn truncated_fixtures_parse_with_valid_spans(fixture in fixture(), cut in any::<prop::sample::Index>()) {
        let at = newslint::source::floor_char_boundary(&fixture, cut.index(fixture.len() + 1));
        verify_parse(&SourceFile::new("prop.txt", &fixture[..at]));
    }
}

/// The text of one of the fixture articles.
pub(crate) fn fixture() -> impl Strategy<Value = String> {
    let texts = all_fixture_texts();
    prop::sample::select(texts)
}

fn all_fixture_texts() -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![crate::common::fixtures()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in rd.filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md")
            ) {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push(text);
                }
            }
        }
    }
    out.sort();
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[test]
fn every_fixture_keeps_every_invariant() {
    for text in all_fixture_texts() {
        verify_all(&SourceFile::new("fixture.txt", text));
    }
}
