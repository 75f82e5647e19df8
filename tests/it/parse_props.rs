//! Property tests for the parser: on any text it never panics, and every
//! span is in bounds, on char boundaries, slices exactly to its node's text,
//! and carries the line/column its byte offsets imply.

use newslint::{SourceFile, Span};
use proptest::prelude::*;

/// 1-based (line, column in chars) of a byte offset, computed naively.
/// Lines end at `\n`, `\r\n` or a lone `\r` (issue 16).
fn naive_position(text: &str, byte: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    for (i, c) in text[..byte].char_indices() {
        let lone_cr = c == '\r' && !text[i + 1..].starts_with('\n');
        if c == '\n' || lone_cr {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    (line, column)
}

fn check_span(text: &str, span: &Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: start after end");
    prop_assert!(span.end <= text.len(), "{what}: out of bounds");
    prop_assert!(
        text.is_char_boundary(span.start),
        "{what}: start splits a char"
    );
    prop_assert!(text.is_char_boundary(span.end), "{what}: end splits a char");
    prop_assert_eq!(
        (span.line, span.column),
        naive_position(text, span.start),
        "{}: start position",
        what
    );
    prop_assert_eq!(
        (span.end_line, span.end_column),
        naive_position(text, span.end),
        "{}: end position",
        what
    );
    Ok(())
}

fn check_text(text: &str, span: &Span, node: &str, what: &str) -> Result<(), TestCaseError> {
    check_span(text, span, what)?;
    prop_assert_eq!(
        &text[span.start..span.end],
        node,
        "{}: text is not the slice",
        what
    );
    Ok(())
}

fn check_article(text: &str) -> Result<(), TestCaseError> {
    let source = SourceFile::new("prop", text);
    let a = newslint::parse(&source);
    for b in a.blocks() {
        check_text(text, &b.span, b.text, &b.part.label())?;
    }
    for e in a.outline.iter().chain(&a.key_points) {
        check_text(text, &e.span, &e.text, "entry")?;
        prop_assert_eq!(e.value, e.number.parse::<u32>().ok());
    }
    for s in &a.sections {
        check_span(text, &s.span, "section")?;
        prop_assert!(s.span.contains(&s.heading.span));
        for p in &s.paragraphs {
            prop_assert!(s.span.contains(&p.span), "paragraph outside its section");
        }
    }
    if let Some(sum) = &a.summary {
        check_span(text, &sum.span, "summary")?;
    }
    for n in &a.notes {
        check_span(text, &n.span, "note")?;
        if let Some(r) = &n.related {
            check_span(text, r, "note related")?;
        }
    }
    Ok(())
}

/// Lines the genre is made of, in hostile mixtures.
fn genre_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Article Subheadings |".to_string()),
        Just("No. | Key Points |".to_string()),
        Just("---|".to_string()),
        Just("|:---|---:|".to_string()),
        Just("---".to_string()),
        Just("Summary".to_string()),
        Just("## Frequently Asked Questions".to_string()),
        Just("Frequently Asked Questions".to_string()),
        Just("**Question:** ".to_string()),
        Just("|".to_string()),
        Just("||".to_string()),
        Just("#".to_string()),
        Just("**".to_string()),
        Just("1)".to_string()),
        Just("\u{feff}".to_string()),
        "[0-9]{1,3}\\) [A-Z][a-z]{0,8}( [A-Za-z’]{1,8}){0,4} ?\\|?",
        "\\|? ?[0-9]{1,12} ?\\| ?[A-Za-z ,.]{0,40}\\|?",
        "#{1,7} ?[A-Z][a-z ]{0,20}",
        "(Question|Q|Answer|A|\\*\\*Question:\\*\\*)[:.]? ?[A-Za-z ]{0,30}\\??",
        "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,5}",
        "[A-Z][a-z ,“”’]{10,120}[.!?]?",
        "[ \t\u{a0}]{0,3}[a-z|*_#:\\-]{0,12}[ \t\u{a0}]{0,3}",
        any::<String>(),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(genre_line(), 0..40),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(lines, crlf, bom)| {
            let sep = if crlf { "\r\n" } else { "\n" };
            let body = lines.join(sep);
            if bom {
                format!("\u{feff}{body}")
            } else {
                body
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_hold(text in any::<String>()) {
        check_article(&text)?;
    }

    #[test]
    fn lossily_decoded_bytes_never_panic_and_spans_hold(
        bytes in prop::collection::vec(any::<u8>(), 0..600)
    ) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        check_article(&text)?;
    }

    #[test]
    fn mixtures_of_table_rows_headings_and_labels_keep_spans_exact(text in article_text()) {
        check_article(&text)?;
    }
}

#[test]
#[ignore = "heavy tier: run in release by .ci/run (cargo test --locked --release --test it -- --ignored)"]
fn a_million_table_rows_parse_in_linear_time() {
    let mut text = String::from("Lede.\nNo. | Key Points |\n---|---|\n");
    for i in 0..1_000_000u32 {
        text.push_str(&format!("{} | Point |\n", i + 1));
    }
    // No timing: a quadratic parser shows up as a test that never ends.
    let a = newslint::parse(&SourceFile::new("big", text));
    assert_eq!(a.key_points.len(), 1_000_000);
    assert!(a.notes.is_empty());
}

#[test]
#[ignore = "heavy tier: run in release by .ci/run (cargo test --locked --release --test it -- --ignored)"]
fn a_huge_single_line_and_a_half_written_table_do_not_break_the_parser() {
    let line = "word | ".repeat(2_000_000);
    let a = newslint::parse(&SourceFile::new("big", line.clone()));
    assert!(a
        .blocks()
        .iter()
        .all(|b| line.get(b.span.range()) == Some(b.text)));
    let half = "Article Subheadings |\n---|\n1) One |\n2) |\n| |\n3";
    let a = newslint::parse(&SourceFile::new("half", half));
    assert_eq!(a.outline.len(), 1);
    assert_eq!(a.outline[0].text, "One");
    assert!(a
        .notes
        .iter()
        .any(|n| n.message == "outline row `2` has no text"));
}
