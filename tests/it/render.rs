//! Every output format on one shared set of hand-built findings (the rules
//! are developed elsewhere; the renderers must not depend on them).

use newslint::article::Part;
use newslint::render::{self, github, sarif, Format, Options};
use newslint::report::{FileReport, Report, RuleInfo};
use newslint::{Finding, Label, Severity, SourceFile};

use crate::common::load;

/// The span of the `nth` (0-based) occurrence of `needle` in the source.
fn span_of(source: &SourceFile, needle: &str, nth: usize) -> newslint::Span {
    let start = source
        .text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("fixture lacks {needle:?} #{nth}"));
    source.span(start, start + needle.len())
}

fn finding(
    code: &'static str,
    rule: &'static str,
    severity: Severity,
    message: &str,
    help: Option<&str>,
    labels: Vec<Label>,
) -> Finding {
    Finding {
        code,
        rule,
        severity,
        message: message.to_string(),
        help: help.map(str::to_string),
        labels,
        fix: None,
    }
}

fn label(span: newslint::Span, part: Part) -> Label {
    Label {
        span,
        part,
        role: part.role().to_string(),
    }
}

fn rules() -> Vec<RuleInfo> {
    vec![
        RuleInfo {
            code: "NUM001".into(),
            name: "quantity-conflict".into(),
            category: "correctness".into(),
            default_severity: Some(Severity::Error),
            summary: "Two figures for the same thing whose ranges cannot both hold.".into(),
            docs: "Two figures for the same thing whose ranges cannot both hold.\n\n## What it does\nCompares figures.\n".into(),
        },
        RuleInfo {
            code: "PER001".into(),
            name: "name-mismatch".into(),
            category: "suspicious".into(),
            default_severity: Some(Severity::Warning),
            summary: "One person given two spellings or titles.".into(),
            docs: "One person given two spellings or titles.\n\n## What it does\nCompares names.\n".into(),
        },
    ]
}

/// conflict.txt with three findings (error, warning, info) and one
/// unreadable input after it.
pub fn shared_report() -> Report {
    let source = load("cli/conflict.txt");
    let body = span_of(&source, "nearly 400 arrests", 1);
    let key_point = span_of(&source, "Over 400 arrests", 0);
    let faq = span_of(&source, "nearly 400 arrests", 2);
    let findings = vec![
        finding(
            "NUM001",
            "quantity-conflict",
            Severity::Error,
            "key point says `over 400` arrests but the body says `nearly 400`",
            Some("make the key point and the body give the same figure"),
            vec![
                label(key_point, Part::KeyPoint(1)),
                label(body, Part::Section(1)),
                label(faq, Part::FaqAnswer(1)),
            ],
        ),
        finding(
            "PER001",
            "name-mismatch",
            Severity::Warning,
            "`Mark Ellis` is called `Council President` here, with a comma, colon: and 100% sure",
            None,
            vec![label(
                span_of(&source, "Council President Mark Ellis", 0),
                Part::Section(2),
            )],
        ),
        finding(
            "NUM001",
            "quantity-conflict",
            Severity::Info,
            "a note spanning `two lines`",
            None,
            vec![label(
                span_of(&source, "crowd-control tactics.\nThe Council", 0),
                Part::Section(1),
            )],
        ),
    ];
    let files = vec![
        FileReport::checked(&source, &findings),
        FileReport::unreadable("fixtures/cli/missing, file:1.txt", "no such file"),
    ];
    Report::new(files, rules())
}

fn rendered(format: Format, summary: bool) -> String {
    let mut buf = Vec::new();
    let opts = Options {
        color: false,
        summary,
        quiet: false,
        ..Options::default()
    };
    render::render(format, &shared_report(), opts, &mut buf).expect("render");
    String::from_utf8(buf).expect("utf-8 output")
}

#[test]
fn human_output_quotes_every_side_with_its_label() {
    let out = rendered(Format::Human, false);
    assert!(out.contains("error[NUM001]"));
    assert!(out.contains("key point says (key point 1)"));
    assert!(out.contains("body says (section 1)"));
    assert!(out.contains("= help: make the key point"));
    assert!(out.ends_with("could not be read.\n"));
    insta::assert_snapshot!("render_human", out);
}

#[test]
fn human_output_colours_only_when_asked() {
    let mut buf = Vec::new();
    let opts = Options {
        color: true,
        summary: false,
        quiet: false,
        ..Options::default()
    };
    render::render(Format::Human, &shared_report(), opts, &mut buf).expect("render");
    assert!(String::from_utf8_lossy(&buf).contains('\u{1b}'));
    assert!(!rendered(Format::Human, false).contains('\u{1b}'));
}

#[test]
fn json_output_follows_the_documented_schema() {
    let out = rendered(Format::Json, false);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["schema_version"], 1);
    let loc = &v["files"][0]["findings"][0]["locations"][0];
    for key in [
        "path",
        "section",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "role",
    ] {
        assert!(loc.get(key).is_some(), "location lacks {key}");
    }
    assert_eq!(loc["text"], "Over 400 arrests");
    assert_eq!(loc["section"], "key point 1");
    assert_eq!(v["files"][0]["error"], serde_json::Value::Null);
    assert_eq!(v["files"][1]["error"], "no such file");
    assert_eq!(v["summary"]["errors"], 1);
    assert_eq!(v["summary"]["warnings"], 1);
    assert_eq!(v["summary"]["infos"], 1);
    assert_eq!(v["summary"]["files"], 2);
    insta::assert_snapshot!("render_json", out);
}

#[test]
fn location_text_is_the_exact_file_slice() {
    let source = load("cli/conflict.txt");
    for (_, f) in shared_report().findings() {
        for l in &f.locations {
            assert_eq!(&source.text[l.start..l.end], l.text);
        }
    }
}

#[test]
fn jsonl_has_one_self_contained_finding_per_line_and_summary_only_when_asked() {
    let out = rendered(Format::Jsonl, false);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4, "3 findings + 1 unreadable input");
    assert_eq!(lines[0]["path"], "fixtures/cli/conflict.txt");
    assert_eq!(lines[0]["code"], "NUM001");
    assert!(lines.iter().all(|l| l.get("summary").is_none()));
    let with_summary = rendered(Format::Jsonl, true);
    let last = with_summary.lines().last().expect("a last line");
    let last: serde_json::Value = serde_json::from_str(last).expect("JSON");
    assert_eq!(last["summary"]["findings"], 3);
    insta::assert_snapshot!("render_jsonl", with_summary);
}

#[test]
fn sarif_has_the_required_structure() {
    let v = sarif::to_value(&shared_report());
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"]
        .as_str()
        .is_some_and(|s| s.contains("sarif-2.1.0")));
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for r in rules {
        for key in ["id", "name", "shortDescription", "fullDescription", "help"] {
            assert!(r.get(key).is_some(), "rule lacks {key}");
        }
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "NUM001");
    assert_eq!(first["ruleIndex"], 0);
    assert_eq!(first["level"], "error");
    assert_eq!(results[2]["level"], "note");
    let loc = &first["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "fixtures/cli/conflict.txt");
    assert_eq!(loc["region"]["snippet"]["text"], "Over 400 arrests");
    assert_eq!(first["relatedLocations"].as_array().map(Vec::len), Some(2));
    assert!(first["partialFingerprints"]["newslint/v1"].is_string());
    let notes = &run["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(notes.as_array().map(Vec::len), Some(1));
    insta::assert_snapshot!("render_sarif", rendered(Format::Sarif, false));
}

#[test]
fn sarif_uris_are_relative_and_percent_encoded() {
    assert_eq!(sarif::path_to_uri("./a/b c.txt"), "a/b%20c.txt");
    assert_eq!(sarif::path_to_uri("a/100%#.md"), "a/100%25%23.md");
    assert_eq!(sarif::path_to_uri("é.txt"), "%C3%A9.txt");
    assert_eq!(sarif::path_to_uri("/abs/x.txt"), "file:///abs/x.txt");
}

#[test]
fn fingerprints_ignore_positions_but_not_texts() {
    let a = load("cli/conflict.txt");
    let shifted = SourceFile::new(a.path.clone(), format!("\n\n{}", a.text));
    let fp = |s: &SourceFile| {
        let span = span_of(s, "Over 400 arrests", 0);
        let f = finding(
            "NUM001",
            "quantity-conflict",
            Severity::Error,
            "m",
            None,
            vec![label(span, Part::KeyPoint(1))],
        );
        newslint::report::resolve(s, &f).fingerprint
    };
    assert_eq!(fp(&a), fp(&shifted));
    let edited = SourceFile::new(a.path.clone(), a.text.replace("Over 400", "Over 500"));
    let span = span_of(&edited, "Over 500 arrests", 0);
    let f = finding(
        "NUM001",
        "quantity-conflict",
        Severity::Error,
        "m",
        None,
        vec![label(span, Part::KeyPoint(1))],
    );
    assert_ne!(fp(&a), newslint::report::resolve(&edited, &f).fingerprint);
}

#[test]
fn github_annotations_carry_positions_and_titles() {
    let out = rendered(Format::Github, false);
    let first = out.lines().next().expect("a line");
    assert!(
        first.starts_with("::error file=fixtures/cli/conflict.txt,line=14,col=5,endLine=14,endColumn=21,title=NUM001 quantity-conflict::"),
        "{first}"
    );
    assert!(out.contains("::warning file="));
    assert!(out.contains("::notice file="));
    // The path with a comma and a colon is escaped as a property.
    assert!(out.contains("file=fixtures/cli/missing%2C file%3A1.txt"));
    // Every command is on one line.
    assert_eq!(out.lines().count(), 4);
    insta::assert_snapshot!("render_github", out);
}

#[test]
fn github_escaping_follows_the_runner_rules() {
    assert_eq!(github::escape_data("100%\r\nnext"), "100%25%0D%0Anext");
    assert_eq!(github::escape_data("a: b, c"), "a: b, c");
    assert_eq!(
        github::escape_property("dir,x/a:b%\n.txt"),
        "dir%2Cx/a%3Ab%25%0A.txt"
    );
    // `%` is escaped first, so an escape sequence in the input stays literal.
    assert_eq!(github::escape_data("%0A"), "%250A");
}

/// Writes the shared report's SARIF to `$NEWSLINT_SARIF_OUT` so that
/// `.ci/sarif-validate.sh` can run Microsoft's validator on findings with
/// several sides (the fixtures alone may have none).
#[test]
fn sarif_of_the_shared_report_is_written_for_validation() {
    if let Some(path) = std::env::var_os("NEWSLINT_SARIF_OUT") {
        std::fs::write(path, rendered(Format::Sarif, false)).expect("write SARIF");
    }
}

#[test]
fn streaming_file_by_file_matches_rendering_the_whole_report() {
    // Every format the CLI offers.
    for &format in <Format as clap::ValueEnum>::value_variants() {
        let opts = Options {
            color: false,
            summary: true,
            quiet: false,
            ..Options::default()
        };
        let report = shared_report();
        let mut whole = Vec::new();
        render::render(format, &report, opts, &mut whole).expect("render");
        let mut streamed = Vec::new();
        let mut stream = render::Stream::new(format, opts, &mut streamed);
        for file in report.files.clone() {
            stream.push(file).expect("push");
        }
        let summary = stream.finish(report.rules.clone()).expect("finish");
        assert_eq!(summary, report.summary);
        assert_eq!(
            String::from_utf8_lossy(&whole),
            String::from_utf8_lossy(&streamed),
            "{format:?}"
        );
    }
}
