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

const STORM_HEADINGS: [&str; 4] = [
    "Storm Brings Record Snowfall",
    "Roads, Bridges and Power",
    "Schools and Businesses Close",
    "What Comes Next",
];

#[test]
fn a_short_first_line_before_the_lede_is_the_headline() {
    let (_, a) = parse("parse/headline_line.txt");
    let h = a.headline.as_ref().expect("a headline");
    assert_eq!(
        h.text,
        "Winter Storm Leaves 40,000 Vermont Homes Without Power"
    );
    assert_eq!(h.span.line, 1);
    assert_eq!(a.lede.len(), 1);
    assert_eq!(a.lede[0].span.line, 2);
    assert_eq!(headings(&a), STORM_HEADINGS);
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn markdown_markup_stays_outside_spans() {
    let (_, a) = parse("parse/markdown.md");
    assert_eq!(
        a.headline.as_ref().map(|h| h.text.as_str()),
        Some("Winter Storm Leaves 40,000 Vermont Homes Without Power")
    );
    assert!(a.lede[0].text.starts_with("A *powerful* winter storm"));
    let outline: Vec<&str> = a.outline.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        outline,
        [
            "Storm Brings Record Snowfall",
            "Roads, Bridges and Power",
            "What Comes Next"
        ]
    );
    assert_eq!(headings(&a), outline);
    assert_eq!(a.sections[0].paragraphs.len(), 2);
    let kp: Vec<(&str, &str)> = a
        .key_points
        .iter()
        .map(|e| (e.number.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(kp[1], ("2", "Stowe recorded **26 inches** of snow."));
    assert_eq!(kp.len(), 3);
    assert!(a.summary.is_some());
    assert_eq!(a.faq.len(), 2);
    assert_eq!(a.faq[0].question.text, "How many homes lost power?");
    assert!(a.faq.iter().all(|f| f.answer.is_some()));
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn markdown_question_headings_are_faq_questions() {
    let (_, a) = parse("parse/markdown_question_headings.md");
    assert_eq!(headings(&a), ["What Happened", "Impact on Islanders"]);
    let qs: Vec<&str> = a.faq.iter().map(|f| f.question.text.as_str()).collect();
    assert_eq!(
        qs,
        [
            "When will the ferry run again?",
            "Was anyone injured?",
            "Who is investigating?"
        ]
    );
    assert!(a.faq.iter().all(|f| f.answer.is_some()));
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn q_and_a_labels_pair_up_and_a_key_points_list_is_read() {
    let (_, a) = parse("parse/q_and_a_labels.txt");
    assert!(a.headline.is_some());
    assert_eq!(a.key_points.len(), 2);
    assert_eq!(a.faq.len(), 2);
    assert_eq!(a.faq[0].question.text, "When will the ferry run again?");
    assert_eq!(
        a.faq[1].answer.as_ref().map(|x| x.text.as_str()),
        Some("No. All passengers and crew were unhurt.")
    );
}

#[test]
fn crlf_bom_tabs_and_nbsp_do_not_change_the_structure() {
    let (source, a) = parse("parse/crlf_bom_whitespace.txt");
    assert!(source.text.starts_with('\u{feff}'));
    assert!(a.headline.is_none());
    assert_eq!(a.lede[0].span.start, 3, "the BOM is outside the lede");
    assert_eq!(a.sections.len(), 4);
    assert_eq!(
        a.sections[0].heading.text,
        "Storm\u{a0}Brings Record Snowfall"
    );
    assert_eq!(a.sections[1].heading.text, "Roads, Bridges and Power");
    assert_eq!(a.key_points.len(), 4);
    assert_eq!(a.faq.len(), 3);
    for b in a.blocks() {
        assert!(
            !b.text.ends_with(['\r', ' ', '\t', '\u{a0}']),
            "{:?}",
            b.part
        );
    }
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn without_an_outline_sections_are_found_by_heading_shape() {
    let (_, a) = parse("parse/no_outline_table.txt");
    assert!(a.outline.is_empty());
    assert_eq!(headings(&a), STORM_HEADINGS);
    assert!(a.sections.iter().all(|s| s.paragraphs.len() == 2));
    assert!(a.notes.is_empty(), "{:?}", a.notes);
}

#[test]
fn a_reworded_outline_entry_still_finds_its_section_and_is_noted() {
    let (_, a) = parse("parse/reworded_outline_entry.txt");
    assert_eq!(headings(&a), STORM_HEADINGS);
    assert_eq!(note_kinds(&a), [NoteKind::OutlineHeadingDiffers]);
    let n = &a.notes[0];
    assert_eq!(n.span, a.outline[1].span);
    assert_eq!(n.related, Some(a.sections[1].heading.span));
}

#[test]
fn missing_summary_or_faq_is_not_an_error() {
    let (_, a) = parse("parse/no_summary.txt");
    assert!(a.summary.is_none());
    assert_eq!(a.faq.len(), 3);
    assert!(a.notes.is_empty());
    let (_, a) = parse("parse/no_faq.txt");
    assert!(a.summary.is_some());
    assert!(a.faq.is_empty());
    assert!(a.notes.is_empty());
}

#[test]
fn key_points_out_of_order_or_with_a_gap_are_noted_once_per_break() {
    let (_, a) = parse("parse/key_points_out_of_order.txt");
    let nums: Vec<&str> = a.key_points.iter().map(|e| e.number.as_str()).collect();
    assert_eq!(nums, ["1", "3", "2", "4"]);
    assert_eq!(
        note_kinds(&a),
        [NoteKind::KeyPointNumbering, NoteKind::KeyPointNumbering]
    );
    let (_, a) = parse("parse/key_points_with_gap.txt");
    assert_eq!(note_kinds(&a), [NoteKind::KeyPointNumbering]);
    assert_eq!(
        a.notes[0].message,
        "key point numbering jumps from `2` to `4`"
    );
}

#[test]
fn a_question_without_an_answer_is_noted() {
    let (_, a) = parse("parse/question_without_answer.txt");
    assert_eq!(a.faq.len(), 3);
    assert!(a.faq[1].answer.is_none());
    assert!(a.faq[2].answer.is_some());
    assert_eq!(note_kinds(&a), [NoteKind::QuestionWithoutAnswer]);
    assert_eq!(a.notes[0].span, a.faq[1].question.span);
}

#[test]
fn an_article_of_plain_paragraphs_is_all_lede() {
    let (_, a) = parse("parse/plain_paragraphs.txt");
    assert!(a.headline.is_none());
    assert_eq!(a.lede.len(), 5);
    assert!(a.sections.is_empty() && a.outline.is_empty() && a.faq.is_empty());
    assert!(a.notes.is_empty());
}

#[test]
fn a_long_sentence_first_line_is_not_a_headline() {
    let source = SourceFile::new(
        "t",
        "Police said on Monday that the bridge would stay closed\nThe council agreed.",
    );
    // Short and unpunctuated: a headline.
    assert!(newslint::parse(&source).headline.is_some());
    let source = SourceFile::new("t", "Police said the bridge would stay closed.\nMore text.");
    assert!(newslint::parse(&source).headline.is_none());
}

#[test]
fn an_outline_entry_without_a_section_and_an_unlisted_section_are_noted() {
    let text =
        "Lede sentence here.\nArticle Subheadings |\n---|\n1) First Part |\n2) Missing Part |\n\
                3) Third Part |\nFirst Part\nBody text of the first part.\nThird Part\nBody text.\n\
                An Extra Section Nobody Listed\nMore body text here.";
    let a = newslint::parse(&SourceFile::new("t", text));
    assert_eq!(
        headings(&a),
        ["First Part", "Third Part", "An Extra Section Nobody Listed"]
    );
    assert_eq!(
        note_kinds(&a),
        [
            NoteKind::OutlineEntryWithoutSection,
            NoteKind::SectionNotInOutline
        ]
    );
}

#[test]
fn an_outlined_heading_with_nothing_under_it_is_an_empty_section() {
    let text =
        "Lede sentence here.\nArticle Subheadings |\n---|\n1) First Part |\n2) Second Part |\n\
                First Part\nSecond Part\nBody text of the second part.";
    let a = newslint::parse(&SourceFile::new("t", text));
    assert_eq!(headings(&a), ["First Part", "Second Part"]);
    assert!(a.sections[0].paragraphs.is_empty());
    assert_eq!(note_kinds(&a), [NoteKind::EmptySection]);
}

#[test]
fn a_lone_unmatched_entry_and_a_lone_unlisted_heading_in_the_same_place_are_paired() {
    let text = "Lede sentence here.\nArticle Subheadings |\n---|\n1) First Part |\n2) Money Matters |\n\
                First Part\nBody text of the first part.\nThe Budget Fight Ahead\nMore body text here.";
    let a = newslint::parse(&SourceFile::new("t", text));
    assert_eq!(headings(&a), ["First Part", "The Budget Fight Ahead"]);
    assert_eq!(note_kinds(&a), [NoteKind::OutlineHeadingDiffers]);
}

#[test]
fn structure_rules_stay_silent_on_the_example_and_clean_variants() {
    for rel in fixture_files("parse") {
        let source = load(&rel);
        let findings = crate::common::check(&source);
        let art: Vec<&str> = findings
            .iter()
            .filter(|f| f.code.starts_with("ART"))
            .map(|f| f.code)
            .collect();
        let expected: &[&str] = match rel.rsplit('/').next().unwrap_or("") {
            "reworded_outline_entry.txt" => &["ART001"],
            "key_points_with_gap.txt" => &["ART002"],
            "key_points_out_of_order.txt" => &["ART002", "ART002"],
            "question_without_answer.txt" => &["ART003"],
            _ => &[],
        };
        assert_eq!(art, expected, "{rel}");
    }
}

#[test]
fn a_conclusion_heading_after_the_key_points_is_the_summary() {
    let text =
        "Lede sentence here.\nFirst Part\nBody text of the first part.\nSecond Part\nMore body.\n\
                No. | Key Points |\n---|---|\n1 | A point. |\nConclusion\nThe closing paragraph.";
    let a = newslint::parse(&SourceFile::new("t", text));
    assert_eq!(headings(&a), ["First Part", "Second Part"]);
    let summary = a.summary.as_ref().expect("a summary");
    assert_eq!(summary.paragraphs[0].text, "The closing paragraph.");
}

#[test]
fn a_q_label_in_the_body_does_not_start_an_faq() {
    let text = "Lede sentence here.\nQ: Why did you run?\nI wanted to help.\nThe end of the story.";
    let a = newslint::parse(&SourceFile::new("t", text));
    assert!(a.faq.is_empty());
    assert_eq!(a.lede.len(), 4);
}
