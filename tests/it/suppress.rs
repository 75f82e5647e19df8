//! Inline suppressions, `--report-unused-suppressions`, and comments and
//! front matter kept out of the article's structure.

use serde_json::Value;

use crate::cli_support::{code, json, run};
use crate::common::{check, load};

/// (code, primary line) of every finding of a JSON report's first file.
fn found(report: &Value) -> Vec<(String, u64)> {
    report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or("").to_string(),
                f["locations"][0]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn check_json(path: &str, extra: &[&str]) -> Value {
    let mut args = vec!["check", "--isolated", "--format", "json", path];
    args.extend_from_slice(extra);
    json(&run(&args))
}

#[test]
fn the_unsuppressed_article_has_the_four_findings_the_comments_hide() {
    // The same text without comments: what the suppressions act on.
    let codes: Vec<String> = found(&check_json("fixtures/fix/weekday_and_numbering.txt", &[]))
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert_eq!(codes, ["DAT001", "ART002", "ART001", "ART002"]);
}

#[test]
fn next_line_and_region_suppressions_hide_what_they_cover_only() {
    let report = check_json("fixtures/suppress/next_line_region_and_unused.txt", &[]);
    // DAT001 (next line) and both outline findings (ART region) are hidden;
    // the key points' ART002 lies after `newslint-enable`.
    assert_eq!(found(&report), [("ART002".to_string(), 23)]);
}

#[test]
fn unused_and_unknown_suppressions_are_reported_when_asked() {
    let report = check_json(
        "fixtures/suppress/next_line_region_and_unused.txt",
        &["--report-unused-suppressions"],
    );
    assert_eq!(
        found(&report),
        [
            ("SUP001".to_string(), 18),
            ("ART002".to_string(), 23),
            ("SUP001".to_string(), 26),
        ]
    );
    let messages: Vec<&str> = report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == "SUP001")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "suppression `newslint-disable-next-line QUO001` hides no finding",
            "suppression `newslint-disable-next-line XYZ001` names no known rule `XYZ001`",
        ]
    );
}

#[test]
fn a_file_suppression_hides_every_finding() {
    let out = run(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "--report-unused-suppressions",
        "fixtures/suppress/disable_file.txt",
    ]);
    assert_eq!(code(&out), 0);
    assert_eq!(found(&json(&out)), []);
}

#[test]
fn the_library_check_applies_suppressions_too() {
    let source = load("suppress/next_line_region_and_unused.txt");
    let codes: Vec<&str> = check(&source).iter().map(|f| f.code).collect();
    assert_eq!(codes, ["ART002"]);
}

#[test]
fn a_comment_at_the_top_is_never_the_headline() {
    let article = newslint::parse(&load("suppress/next_line_region_and_unused.txt"));
    let headline = article.headline.clone().expect("headline");
    assert_eq!(
        headline.text,
        "Riverton Votes to Close the Elm Street Bridge"
    );
    assert_eq!(headline.span.line, 2);
    // No node holds a comment's text.
    for b in article.blocks() {
        assert!(!b.text.contains("<!--"), "{:?} holds a comment", b.part);
    }
    assert_eq!(article.sections.len(), 3);
    assert_eq!(article.outline.len(), 3);
}

#[test]
fn front_matter_title_is_the_headline_and_front_matter_is_no_text() {
    let source = load("suppress/front_matter_title.md");
    let article = newslint::parse(&source);
    let headline = article.headline.as_ref().expect("headline");
    assert_eq!(
        headline.text,
        "Riverton Votes to Close the Elm Street Bridge"
    );
    assert_eq!(source.slice(&headline.span), headline.text);
    assert_eq!(headline.span.line, 3);
    let lede = article.lede.first().expect("lede");
    assert!(
        lede.text.starts_with("The city council of Riverton"),
        "{}",
        lede.text
    );
    for b in article.blocks() {
        assert!(
            !b.text.contains("layout:") && !b.text.contains("<!--"),
            "{:?} holds front matter or a comment: {}",
            b.part,
            b.text
        );
    }
    // The findings are those of the article without front matter.
    let codes: Vec<&str> = check(&source).iter().map(|f| f.code).collect();
    assert_eq!(codes, ["DAT001", "ART002", "ART001", "ART002"]);
}

#[test]
fn front_matter_does_not_replace_a_headline_the_body_has() {
    let source = newslint::SourceFile::new(
        "t.md",
        "---\ntitle: From the front matter\n---\n# The Body's Own Headline\n\nPolice made nearly 400 arrests on Tuesday.\n",
    );
    let article = newslint::parse(&source);
    assert_eq!(
        article.headline.map(|h| h.text).as_deref(),
        Some("The Body's Own Headline")
    );
}

#[test]
fn an_unused_suppression_has_a_safe_fix_that_removes_its_line() {
    let out = run(&[
        "check",
        "--isolated",
        "--diff",
        "--report-unused-suppressions",
        "fixtures/suppress/next_line_region_and_unused.txt",
    ]);
    assert_eq!(code(&out), 1);
    let diff = crate::cli_support::stdout(&out);
    let removed: Vec<&str> = diff
        .lines()
        .filter(|l| l.starts_with('-') && !l.starts_with("---"))
        .collect();
    // The unused QUO001 line goes; the one naming an unknown rule stays
    // (it may be a typo); the key points are renumbered.
    assert_eq!(
        removed,
        [
            "-<!-- newslint-disable-next-line QUO001 -->",
            "-4 | Repairs will cost $8.5 million. |",
            "-5 | The closure will last at least six months. |",
        ],
        "{diff}"
    );
}

/// Lines of comments, front matter and suppressions in hostile mixtures.
fn comment_line() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        Just(String::new()),
        Just("---".to_string()),
        Just("...".to_string()),
        Just("title: \"Mayors meet\"".to_string()),
        Just("title:".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<!-- newslint-disable NUM001, ART -->".to_string()),
        Just("<!-- newslint-disable-next-line -->".to_string()),
        Just("<!-- newslint-disable-file XYZ001 -- why -->".to_string()),
        Just("<!-- newslint-enable ART -->".to_string()),
        Just("No. | Key Points |".to_string()),
        Just("4 | Over 400 arrests were made. |".to_string()),
        Just("1 | Police made nearly 400 arrests on Tuesday, June 11, 2025. |".to_string()),
        Just("Police made nearly 400 arrests on Monday, June 10, 2025.".to_string()),
        "[A-Za-z <!>\\-é|]{0,30}",
        any::<String>(),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    #[test]
    fn comments_front_matter_and_fixes_never_panic_and_keep_spans_exact(
        lines in proptest::collection::vec(comment_line(), 0..30),
        report_unused in proptest::bool::ANY,
    ) {
        let text = lines.join("\n");
        let source = newslint::SourceFile::new("prop.md", text.clone());
        let article = newslint::parse(&source);
        for b in article.blocks() {
            proptest::prop_assert_eq!(text.get(b.span.start..b.span.end), Some(b.text));
        }
        for s in newslint::suppress::suppressions(&source) {
            proptest::prop_assert!(s.covers.0 <= s.covers.1 && s.covers.1 <= text.len());
        }
        let claims = newslint::extract(&source, &article);
        let findings = newslint::lint::findings(
            &source,
            &article,
            &claims,
            |m| m.category.default_severity().or(Some(newslint::Severity::Info)),
            newslint::lint::LintOptions { report_unused_suppressions: report_unused },
        );
        let fixes: Vec<newslint::fix::ByteEdits> = findings
            .iter()
            .filter_map(|f| f.fix.as_ref())
            .map(|f| f.edits.iter().map(|e| (e.span.start, e.span.end, e.replacement.clone())).collect())
            .collect();
        for f in &fixes {
            for (s, e, _) in f {
                proptest::prop_assert!(s <= e && *e <= text.len());
                proptest::prop_assert!(text.is_char_boundary(*s) && text.is_char_boundary(*e));
            }
        }
        let (fixed, _) = newslint::fix::apply(&text, &fixes);
        let again = newslint::SourceFile::new("prop.md", fixed);
        let _ = newslint::check(&again, &newslint::parse(&again), &newslint::extract(&again, &newslint::parse(&again)));
    }
}
