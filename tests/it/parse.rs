//! The parser on its fixtures: the example's structure asserted field by
//! field, every fixture's Article pinned by a snapshot, and each variant's
//! defining behaviour asserted.

use crate::common::{fixture_files, load};
use newslint::article::{Article, NoteKind};
use newslint::SourceFile;

fn parse(rel: &str) -> (SourceFile, Article) {
    let source = load(rel);
    let article = newslint::parse(&source);
    (source, article)
}

fn headings(a: &Article) -> Vec<&str> {
    a.sections.iter().map(|s| s.heading.text.as_str()).collect()
}

fn note_kinds(a: &Article) -> Vec<NoteKind> {
    a.notes.iter().map(|n| n.kind).collect()
}

#[test]
fn example_has_no_headline_lede_line_one_five_sections_five_key_points_summary_three_faqs_no_notes()
{
    let (source, a) = parse("parse/example.txt");
    let lines: Vec<&str> = source.text.lines().collect();
    assert!(a.headline.is_none());
    assert_eq!(a.lede.len(), 1);
    assert_eq!(a.lede[0].text, lines[0]);
    assert_eq!(a.lede[0].span.line, 1);
    assert_eq!(a.outline.len(), 5);
    let expected = [
        "Mayors Unite Against Immigration Raids",
        "Responses from Federal Officials",
        "The Impact on Local Communities",
        "Law Enforcement\u{2019}s Perspective",
        "Recent Developments and Arrests",
    ];
    let outline: Vec<&str> = a.outline.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(outline, expected);
    let numbers: Vec<&str> = a.outline.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    assert_eq!(headings(&a), expected);
    // Each section: heading line, then the two lines after it.
    for s in &a.sections {
        let l = s.heading.span.line;
        assert_eq!(lines[l - 1], s.heading.text);
        let paras: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(paras, [lines[l], lines[l + 1]]);
    }
    assert_eq!(a.key_points.len(), 5);
    assert_eq!(a.key_points[3].number, "4");
    assert_eq!(
        a.key_points[3].text,
        "Over 400 arrests have occurred, primarily for failure to disperse during the protests."
    );
    let summary = a.summary.as_ref().expect("a summary");
    assert_eq!(summary.paragraphs.len(), 1);
    assert!(summary.paragraphs[0]
        .text
        .starts_with("The unfolding situation"));
    assert_eq!(a.faq.len(), 3);
    assert_eq!(
        a.faq[0].question.text,
        "What prompted the mayors\u{2019} press conference in Los Angeles?"
    );
    assert!(a.faq.iter().all(|f| f.answer.is_some()));
    assert!(a.faq[2].answer.as_ref().is_some_and(|x| x
        .text
        .starts_with("Law enforcement has made nearly 400 arrests")));
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn every_node_text_is_the_source_slice_at_its_span() {
    for rel in fixture_files("parse") {
        let (source, a) = parse(&rel);
        for b in a.blocks() {
            assert_eq!(source.slice(&b.span), b.text, "{rel}: {:?}", b.part);
            assert_eq!(b.text, b.text.trim(), "{rel}: untrimmed {:?}", b.part);
            assert!(
                !b.text.starts_with(['#', '|']),
                "{rel}: markup in {:?}",
                b.part
            );
        }
        for s in &a.sections {
            assert_eq!(s.span.start, s.heading.span.start, "{rel}");
        }
    }
}

#[test]
fn parsed_article_snapshots() {
    for rel in fixture_files("parse") {
        let (_, a) = parse(&rel);
        let name = rel.replace('/', "__");
        insta::assert_json_snapshot!(name, a);
    }
}

#[test]
fn plain_paragraphs_are_all_lede_without_notes() {
    let source = SourceFile::new(
        "t",
        "The council met on Monday.\nIt voted to close the bridge.\nResidents objected.",
    );
    let a = newslint::parse(&source);
    assert_eq!(a.lede.len(), 3);
    assert!(a.sections.is_empty());
    assert!(note_kinds(&a).is_empty());
}
