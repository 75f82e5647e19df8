//! Output identical across thread counts (issue 7). The same inputs are
//! checked through `newslint::app::run`, the code path of the binary with
//! its rayon pool and batching, once with `--threads 1` and once with
//! `--threads 4`; the report in every format (human without colour, json,
//! jsonl with its summary line, sarif, github) must be byte-identical, and
//! so must the exit code. (In-process, `check` also installs its SIGINT
//! handler in the test binary: an interrupted `cargo test` exits 130.)

use std::path::{Path, PathBuf};

use clap::Parser;
use newslint::cli::Cli;
use proptest::prelude::*;

use crate::cli_support::{code, run};
use crate::props::{fixture, genre_line, genre_text};

/// Every format, with the flags that add to it.
const FORMATS: [&[&str]; 5] = [
    &["--format", "human", "--color", "never"],
    &["--format", "json"],
    &["--format", "jsonl", "--summary"],
    &["--format", "sarif"],
    &["--format", "github"],
];

/// Run `newslint check` in-process on `inputs`, writing the report to a
/// file; returns the exit code and the report's bytes.
fn check(out_dir: &Path, threads: usize, format: &[&str], inputs: &[&str]) -> (u8, Vec<u8>) {
    let out = out_dir.join(format!("report-{threads}-{}.out", format[1]));
    let threads = threads.to_string();
    let mut args = vec!["newslint", "check", "--isolated", "--threads", &threads];
    args.extend_from_slice(format);
    let out_arg = out.to_string_lossy().into_owned();
    args.extend(["--output", &out_arg]);
    args.extend_from_slice(inputs);
    let cli = Cli::try_parse_from(&args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let code = newslint::app::run(cli).unwrap_or_else(|e| panic!("{args:?}: {e:#}"));
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    (code, bytes)
}

/// Assert that 1 and 4 worker threads give the same report in every format.
fn same_for_one_and_four_threads(inputs: &[&str]) -> Result<(), TestCaseError> {
    let out_dir = tempfile::tempdir().expect("tempdir");
    for format in FORMATS {
        let one = check(out_dir.path(), 1, format, inputs);
        let four = check(out_dir.path(), 4, format, inputs);
        prop_assert_eq!(one.0, four.0, "exit code, {:?}", format);
        prop_assert!(
            one.1 == four.1,
            "{:?}: the reports differ\n--- 1 thread:\n{}\n--- 4 threads:\n{}",
            format,
            String::from_utf8_lossy(&one.1),
            String::from_utf8_lossy(&four.1)
        );
    }
    Ok(())
}

/// One generated input file.
#[derive(Debug, Clone)]
enum Content {
    /// An article of genre lines: figures, hedges, quotes, headings, tables.
    Text(String),
    /// A fixture article with a genre line spliced in (these have findings).
    Spliced(String),
    /// Bytes that are not UTF-8: an unreadable file among the good ones.
    Invalid(Vec<u8>),
}

impl Content {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Content::Text(t) | Content::Spliced(t) => t.clone().into_bytes(),
            Content::Invalid(b) => b.clone(),
        }
    }
}

fn content() -> impl Strategy<Value = Content> {
    prop_oneof![
        3 => genre_text().prop_map(Content::Text),
        3 => (fixture(), any::<prop::sample::Index>(), genre_line()).prop_map(|(f, at, line)| {
            let at = newslint::source::floor_char_boundary(&f, at.index(f.len() + 1));
            Content::Spliced(format!("{}{}\n{}", &f[..at], line, &f[at..]))
        }),
        1 => prop::collection::vec(any::<u8>(), 0..40).prop_map(|mut b| {
            b.push(0xff);
            Content::Invalid(b)
        }),
    ]
}

/// Write the contents as `NN.txt` in a new temp dir; returns their paths.
fn write_files(dir: &Path, contents: &[Content]) -> Vec<PathBuf> {
    contents
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let path = dir.join(format!("{i:03}.txt"));
            std::fs::write(&path, c.bytes()).expect("write input");
            path
        })
        .collect()
}

fn strings(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 12,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn one_generated_article_reports_the_same_with_one_and_four_threads(
        content in content()
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = strings(&write_files(dir.path(), &[content]));
        let inputs: Vec<&str> = paths.iter().map(String::as_str).collect();
        same_for_one_and_four_threads(&inputs)?;
    }

    #[test]
    fn generated_files_report_the_same_with_one_and_four_threads(
        contents in prop::collection::vec(content(), 2..7)
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = strings(&write_files(dir.path(), &contents));
        let mut inputs: Vec<&str> = paths.iter().map(String::as_str).collect();
        // The files named one by one, then the folder walked.
        same_for_one_and_four_threads(&inputs)?;
        let folder = dir.path().to_string_lossy().into_owned();
        inputs = vec![folder.as_str()];
        same_for_one_and_four_threads(&inputs)?;
    }
}

/// More files than one batch holds at either thread count (32 per thread),
/// so batches end at different files for 1 and 4 threads; a missing path and
/// an unreadable file sit among them.
#[test]
fn two_hundred_files_across_batches_report_the_same_with_one_and_four_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts = crate::common::fixture_files("cli")
        .into_iter()
        .chain(crate::common::fixture_files("rules/NUM001"))
        .map(|rel| crate::common::load(&rel).text)
        .collect::<Vec<_>>();
    assert!(!texts.is_empty(), "fixtures");
    let contents: Vec<Content> = (0..200)
        .map(|i| match i % 17 {
            5 => Content::Invalid(b"Police made \xff arrests.".to_vec()),
            11 => Content::Text(format!("Lede {i}.\n\nPolice made nearly {i} arrests.\n")),
            _ => Content::Spliced(texts[i % texts.len()].clone()),
        })
        .collect();
    let mut paths = strings(&write_files(dir.path(), &contents));
    paths.insert(
        100,
        dir.path()
            .join("missing.txt")
            .to_string_lossy()
            .into_owned(),
    );
    let inputs: Vec<&str> = paths.iter().map(String::as_str).collect();
    same_for_one_and_four_threads(&inputs).unwrap_or_else(|e| panic!("{e}"));
    // The reports compared are not trivially empty.
    let out_dir = tempfile::tempdir().expect("tempdir");
    let (code, json) = check(out_dir.path(), 4, FORMATS[1], &inputs);
    let report: serde_json::Value = serde_json::from_slice(&json).expect("JSON report");
    let unreadable = contents
        .iter()
        .filter(|c| matches!(c, Content::Invalid(_)))
        .count()
        + 1;
    assert_eq!(code, 2);
    assert_eq!(report["summary"]["files"], 201);
    assert_eq!(report["summary"]["unreadable"], unreadable);
    assert!(
        report["summary"]["errors"].as_u64() > Some(0),
        "{}",
        report["summary"]
    );
}

/// NDJSON records are checked in the same batches as files.
#[test]
fn two_hundred_ndjson_records_report_the_same_with_one_and_four_threads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts: Vec<String> = crate::common::fixture_files("rules/NUM001")
        .into_iter()
        .map(|rel| crate::common::load(&rel).text)
        .collect();
    assert!(!texts.is_empty(), "fixtures");
    let mut lines = String::new();
    for i in 0..200 {
        if i % 23 == 7 {
            lines.push_str("{\"id\": \"broken\"\n");
            continue;
        }
        let record = serde_json::json!({"id": format!("rec-{i}"), "text": texts[i % texts.len()]});
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.path().join("records.ndjson");
    std::fs::write(&path, lines).expect("write");
    let path = path.to_string_lossy().into_owned();
    same_for_one_and_four_threads(&["--input", "ndjson", &path]).unwrap_or_else(|e| panic!("{e}"));
}

/// The binary itself, on every fixture: `--threads 1` and `--threads 8`.
#[test]
fn output_is_byte_identical_at_one_and_eight_threads() {
    for format in ["human", "json", "jsonl", "sarif", "github"] {
        let [one, eight] = ["1", "8"].map(|threads| {
            let args = ["check", "fixtures", "--isolated", "--format", format];
            run(&[&args[..], &["--threads", threads]].concat())
        });
        assert_eq!(one.stdout, eight.stdout, "--format {format}");
        assert_eq!(code(&one), code(&eight));
        if ["human", "json", "sarif"].contains(&format) {
            assert!(!one.stdout.is_empty(), "--format {format}");
        }
    }
}
