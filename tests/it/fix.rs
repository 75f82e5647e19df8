//! `check --fix`, `--diff` and `--unsafe-fixes`, and fixes in JSON and SARIF.

use std::path::Path;

use serde_json::Value;

use crate::cli_support::{code, json, run, run_in, stderr, stdout};

/// (code, applicability, [(text, replacement)]) of a finding's fix.
type FixSummary<'a> = (&'a str, &'a str, Vec<(&'a str, &'a str)>);

const FIXTURE: &str = "fixtures/fix/weekday_and_numbering.txt";

/// A copy of a fixture in a fresh temporary folder, with mode `mode`.
fn copy_fixture(rel: &str, mode: u32) -> (tempfile::TempDir, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = Path::new(rel).file_name().expect("file name");
    let path = dir.path().join(name);
    std::fs::copy(crate::cli_support::repo().join(rel), &path).expect("copy fixture");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    (dir, path)
}

fn codes(report: &Value) -> Vec<String> {
    report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn json_carries_safe_fixes_with_their_edits() {
    let report = json(&run(&["check", "--isolated", "--format", "json", FIXTURE]));
    let findings = report["files"][0]["findings"].as_array().expect("findings");
    let fixes: Vec<FixSummary<'_>> = findings
        .iter()
        .map(|f| {
            let fix = &f["fix"];
            (
                f["code"].as_str().unwrap_or(""),
                fix["applicability"].as_str().unwrap_or(""),
                fix["edits"]
                    .as_array()
                    .expect("edits")
                    .iter()
                    .map(|e| {
                        (
                            e["text"].as_str().unwrap_or(""),
                            e["replacement"].as_str().unwrap_or(""),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("DAT001", "safe", vec![("Monday", "Tuesday")]),
            ("ART002", "safe", vec![("4", "3")]),
            (
                "ART001",
                "safe",
                vec![(
                    "Traffic Diversions and Delays",
                    "Road Detours and Commuter Delays"
                )]
            ),
            ("ART002", "safe", vec![("4", "3"), ("5", "4")]),
        ]
    );
    // Each edit's text is the file's slice at its byte range.
    let text = crate::cli_support::fixture_text("fix/weekday_and_numbering.txt");
    for f in findings {
        for e in f["fix"]["edits"].as_array().expect("edits") {
            let (s, end) = (
                e["start"].as_u64().unwrap_or(0),
                e["end"].as_u64().unwrap_or(0),
            );
            assert_eq!(
                &text[s as usize..end as usize],
                e["text"].as_str().unwrap_or("?")
            );
        }
    }
}

#[test]
fn a_finding_without_a_fix_has_no_fix_field() {
    // An unanswered question has no fix: its JSON is as before fixes existed.
    let out = run(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "fixtures/rules/ART003/flag_question_without_answer.txt",
    ]);
    let report = json(&out);
    let findings = report["files"][0]["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        let keys: Vec<&String> = f.as_object().expect("object").keys().collect();
        assert_eq!(
            keys,
            [
                "code",
                "fingerprint",
                "help",
                "locations",
                "message",
                "rule",
                "severity"
            ],
            "{f}"
        );
    }
    assert!(!stdout(&out).contains("\"fix\""));
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let (dir, path) = copy_fixture(FIXTURE, 0o640);
    let before = std::fs::read_to_string(&path).expect("read");
    let out = run_in(
        dir.path(),
        &["check", "--isolated", "--diff", "weekday_and_numbering.txt"],
        None,
    );
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- weekday_and_numbering.txt\n+++ weekday_and_numbering.txt\n"),
        "{diff}"
    );
    for line in [
        "-The city council of Riverton voted 7 to 2 on Monday, June 10, 2025,",
        "+The city council of Riverton voted 7 to 2 on Tuesday, June 10, 2025,",
        "-2) Traffic Diversions and Delays |",
        "+2) Road Detours and Commuter Delays |",
        "-4) Cost of the Repairs |",
        "+3) Cost of the Repairs |",
        "-4 | Repairs will cost $8.5 million. |",
        "+3 | Repairs will cost $8.5 million. |",
        "-5 | The closure will last at least six months. |",
        "+4 | The closure will last at least six months. |",
    ] {
        assert!(
            diff.lines().any(|l| l.starts_with(line)),
            "no {line:?} in\n{diff}"
        );
    }
    assert!(
        stderr(&out).contains("would fix 4 findings in 1 file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before);
}

#[test]
fn fix_rewrites_in_place_keeping_the_mode_and_a_second_check_is_clean() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = copy_fixture(FIXTURE, 0o640);
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--fix",
            "--format",
            "json",
            "weekday_and_numbering.txt",
        ],
        None,
    );
    // What remains after fixing is reported: nothing.
    assert_eq!(codes(&json(&out)), Vec::<String>::new(), "{}", stderr(&out));
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).contains("fixed 4 findings"),
        "{}",
        stderr(&out)
    );
    let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(fixed.contains("on Tuesday, June 10, 2025"));
    assert!(fixed.contains("\n3 | Repairs will cost"));
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["weekday_and_numbering.txt"]);
    let again = run_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "weekday_and_numbering.txt",
        ],
        None,
    );
    assert_eq!(codes(&json(&again)), Vec::<String>::new());
    // A second --fix has nothing to do.
    let diff = run_in(
        dir.path(),
        &["check", "--isolated", "--diff", "weekday_and_numbering.txt"],
        None,
    );
    assert_eq!((code(&diff), stdout(&diff)), (0, String::new()));
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let (dir, path) = copy_fixture("fixtures/parse/example.txt", 0o644);
    let safe = run_in(
        dir.path(),
        &["check", "--isolated", "--fix", "example.txt"],
        None,
    );
    assert_eq!(code(&safe), 1, "{}", stderr(&safe));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("4 | Over 400 arrests have occurred"));
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--isolated",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "json",
            "example.txt",
        ],
        None,
    );
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("4 | Nearly 400 arrests have occurred"),
        "{}",
        stderr(&out)
    );
    assert!(!codes(&json(&out)).contains(&"NUM001".to_string()));
}

#[test]
fn human_output_shows_the_suggested_text() {
    let out = run(&["check", "--isolated", "--color", "never", FIXTURE]);
    let text = stdout(&out);
    assert!(
        text.contains(
            "= help: safe fix: replace `Monday` with `Tuesday` (line 2: `Monday` → `Tuesday`)"
        ),
        "{text}"
    );
    assert!(
        text.contains("renumber the key points 1 to 4 (line 18: `4` → `3`; line 19: `5` → `4`)")
    );
    let example = stdout(&run(&[
        "check",
        "--isolated",
        "--color",
        "never",
        "fixtures/parse/example.txt",
    ]));
    assert!(example.contains(
        "= help: unsafe fix: set the restated figure to the body's `nearly 400 arrests` (line 29: `Over 400 arrests` → `Nearly 400 arrests`)"
    ));
}

#[test]
fn sarif_results_carry_fixes() {
    let report = json(&run(&["check", "--isolated", "--format", "sarif", FIXTURE]));
    let results = report["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 4);
    let first = &results[0]["fixes"][0];
    assert_eq!(
        first["description"]["text"],
        "replace `Monday` with `Tuesday`"
    );
    let change = &first["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], FIXTURE);
    let r = &change["replacements"][0];
    assert_eq!(r["insertedContent"]["text"], "Tuesday");
    assert_eq!(r["deletedRegion"]["startLine"], 2);
    assert_eq!(r["deletedRegion"]["byteLength"], 6);
    assert_eq!(first["properties"]["applicability"], "safe");
    assert!(results
        .iter()
        .all(|r| r["fixes"].as_array().is_some_and(|f| f.len() == 1)));
}

#[test]
fn a_file_not_read_as_utf8_is_never_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("utf16.txt");
    let text = "Police made arrests on Monday, June 10, 2025.\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &bytes).expect("write");
    let out = run_in(
        dir.path(),
        &["check", "--isolated", "--fix", "utf16.txt"],
        None,
    );
    assert!(
        stderr(&out).contains("not fixed: fixes are written only to files read as UTF-8"),
        "{}",
        stderr(&out)
    );
    assert_eq!(code(&out), 1);
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_list_that_skips_twice_is_renumbered_by_its_first_finding_only() {
    let text = crate::cli_support::fixture_text("fix/weekday_and_numbering.txt")
        .replace("\n2 | About", "\n3 | About")
        .replace("\n4 | Repairs", "\n5 | Repairs")
        .replace("\n5 | The closure", "\n7 | The closure");
    let source = newslint::SourceFile::new("t.txt", text);
    let findings = crate::common::check(&source);
    let key_points: Vec<Option<usize>> = findings
        .iter()
        .filter(|f| f.code == "ART002" && matches!(f.labels[0].part, newslint::Part::KeyPoint(_)))
        .map(|f| f.fix.as_ref().map(|x| x.edits.len()))
        .collect();
    // 1, 3, 5, 7: three jumps, one fix of three edits (2, 3, 4).
    assert_eq!(key_points, [Some(3), None, None]);
}
