//! Hostile input through the real binary (issue 7): every row of the
//! "matrix of bad inputs" and of "nothing lost" is a CLI test asserting the
//! exit code and a message that names the file and the reason.
//!
//! Rows already covered in `cli.rs` are not repeated here:
//!
//! | row | test |
//! |---|---|
//! | empty file | `cli::bad_inputs_are_refused_with_a_clear_reason` (`empty.txt`) |
//! | only whitespace | `cli::bad_inputs_are_refused_with_a_clear_reason` (`blank.txt`) |
//! | binary: NUL bytes, PNG bytes | `cli::bad_inputs_are_refused_with_a_clear_reason` (`nul.txt`, `png.txt`) |
//! | invalid UTF-8, byte offset named | `cli::unreadable_inputs_among_good_ones_exit_2_and_the_rest_is_still_reported`, `cli::parse_and_claims_report_input_errors_with_exit_2_naming_the_file` |
//! | `--lossy` decodes and says so | `cli::lossy_decodes_invalid_utf8_and_says_so` |
//! | UTF-16 with a BOM (LE and BE): decoded and checked | [`utf16_with_a_byte_order_mark_is_decoded_and_checked_like_utf8`] |
//! | UTF-16 that is not valid, UTF-32 | [`invalid_utf16_names_the_offset_and_lossy_decodes_it`], [`utf32_is_refused_with_a_clear_reason`] |
//! | 200 MB single line: refused by `--max-bytes` from its size | [`a_200_mb_file_is_refused_from_its_size_without_being_read`]; `cli::max_bytes_refuses_larger_inputs` |
//! | a large but allowed single line completes | [`a_single_line_of_a_few_megabytes_is_checked`] |
//! | NDJSON line over the limit skipped | `cli::ndjson_from_a_file_skips_an_over_long_line_and_keeps_going` |
//! | unreadable files among good ones, named explicitly | `cli::unreadable_inputs_among_good_ones_exit_2_and_the_rest_is_still_reported` (invalid UTF-8, dangling symlink, missing path) |
//! | a directory with an unreadable file among good ones | [`a_walked_directory_with_an_unreadable_file_reports_the_good_ones_and_exits_2`] |
//! | a missing path | `cli::unreadable_inputs_among_good_ones_exit_2_and_the_rest_is_still_reported`, `cli::parse_and_claims_report_input_errors_with_exit_2_naming_the_file` |
//! | a symlink loop in a walked directory | `cli::a_symlink_loop_in_a_walked_directory_is_reported_and_the_rest_checked` |
//! | a symlink loop named explicitly | [`a_symlink_loop_named_explicitly_is_refused_with_a_clear_reason`] |
//! | a FIFO in a walked directory | `cli::a_fifo_in_a_walked_directory_is_skipped` |
//! | a FIFO named explicitly, no writer: refused at once | [`a_fifo_named_explicitly_without_a_writer_is_refused_not_waited_on`] |
//! | a pipe with a writer (`<(...)`): read | [`a_pipe_given_as_a_path_is_read_while_its_writer_writes`] |
//! | stdin closed | `cli::closed_stdin_is_an_empty_input` |
//! | stdout closed early (JSON, first 16 bytes) | `cli::closed_stdout_exits_quietly` |
//! | stdout closed early (`\| head -1`, human) | [`stdout_closed_by_head_exits_quietly`] |
//! | a malformed NDJSON line | `cli::ndjson_records_are_checked_and_a_malformed_line_is_reported_with_its_number` |
//! | config: bad TOML, unknown keys | `cli::unknown_keys_and_bad_values_name_the_file_and_the_key` |
//! | `--output` written whole, no temp file | `cli::output_file_is_written_whole_and_stdout_stays_empty` |
//! | a failing run keeps the previous `--output` file | [`a_failing_run_leaves_the_previous_output_file_intact`] |
//! | SIGINT: exit 130, no temp file | `cli::sigint_exits_130_and_leaves_no_temp_file` |
//! | SIGINT keeps the previous `--output` file | [`sigint_keeps_the_previous_output_file`] |
//! | 100,000 quotation marks | [`a_hundred_thousand_quotation_marks_complete`] |
//! | a table of 1,000,000 rows | [`a_table_of_a_million_rows_completes`], [`an_outline_table_of_many_rows_completes`] |
//! | a 1 MB word | [`a_one_megabyte_word_completes`] |
//! | "over over ... 400" | [`deeply_repeated_hedges_complete`] |
//!
//! Tests never time the binary (benchmarks do that); they only refuse to
//! wait forever: a run that outlives its deadline is killed and fails
//! (`cli_support::DEADLINE`).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::cli_support::{
    assert_exit, assert_stderr_has, code, fixture_text, interrupted_check, json, mkfifo, newslint,
    paths_of, repo, run_in, stderr, temp_files, wait_bounded, BIN,
};

/// Each finding as (code, line, column, message), for comparing runs.
fn findings(report: &Value) -> Vec<(String, u64, u64, String)> {
    report["files"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let loc = &f["locations"][0];
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                loc["line"].as_u64().unwrap_or_default(),
                loc["column"].as_u64().unwrap_or_default(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

// ---------------------------------------------------------------- encodings

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_and_checked_like_utf8() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = fixture_text("cli/conflict.txt");
    std::fs::write(dir.path().join("utf8.txt"), &text).expect("write");
    let units: Vec<u16> = text.encode_utf16().collect();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(units.iter().flat_map(|u| u.to_be_bytes()))
        .collect();
    std::fs::write(dir.path().join("le.txt"), le).expect("write");
    std::fs::write(dir.path().join("be.txt"), be).expect("write");
    let utf8 = run_in(
        dir.path(),
        &["check", "utf8.txt", "--isolated", "--format", "json"],
        None,
    );
    let want = findings(&json(&utf8));
    assert!(!want.is_empty(), "the fixture has a conflict to find");
    for (file, name) in [("le.txt", "UTF-16LE"), ("be.txt", "UTF-16BE")] {
        let out = run_in(
            dir.path(),
            &["check", file, "--isolated", "--format", "json"],
            None,
        );
        assert_eq!(code(&out), code(&utf8), "{file}: {}", stderr(&out));
        let report = json(&out);
        assert_eq!(report["files"][0]["error"], Value::Null, "{file}");
        assert_eq!(findings(&report), want, "{file}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "warning: {file}: decoded from {name} (byte-order mark)"
            )),
            "{file}: {err}"
        );
    }
}

#[test]
fn invalid_utf16_names_the_offset_and_lossy_decodes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut unpaired = vec![0xFF, 0xFE];
    unpaired.extend("Ab".encode_utf16().flat_map(u16::to_le_bytes));
    unpaired.extend([0x00, 0xD8]); // a high surrogate with no low one
    unpaired.extend(
        " met on Monday.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.path().join("unpaired.txt"), unpaired).expect("write");
    let mut odd = vec![0xFE, 0xFF];
    odd.extend("Council met.\n".encode_utf16().flat_map(u16::to_be_bytes));
    odd.push(b'x');
    std::fs::write(dir.path().join("odd.txt"), odd).expect("write");
    let cases = [
        (
            "unpaired.txt",
            "unpaired.txt: not valid UTF-16LE (unpaired surrogate at offset 6)",
        ),
        (
            "odd.txt",
            "odd.txt: not valid UTF-16BE (odd number of bytes: a stray byte at offset 28)",
        ),
    ];
    for (file, want) in cases {
        let out = run_in(dir.path(), &["check", file, "--isolated"], None);
        assert_exit(&out, 2, want);
        let lossy = run_in(
            dir.path(),
            &["check", file, "--isolated", "--lossy", "--format", "json"],
            None,
        );
        assert_ne!(code(&lossy), 2, "{file}: {}", stderr(&lossy));
        assert_eq!(json(&lossy)["files"][0]["error"], Value::Null);
        let err = stderr(&lossy);
        assert!(
            err.contains("decoded with replacement characters (--lossy)")
                && err.contains(want.split_once(": ").map_or(want, |(_, r)| r)),
            "{file}: {err}"
        );
    }
}

#[test]
fn utf32_is_refused_with_a_clear_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    bytes.extend("Hi".chars().flat_map(|c| u32::from(c).to_le_bytes()));
    std::fs::write(dir.path().join("wide.txt"), bytes).expect("write");
    let out = run_in(dir.path(), &["check", "wide.txt", "--isolated"], None);
    assert_exit(
        &out,
        2,
        "wide.txt: looks like UTF-32 (byte-order mark); convert it to UTF-8",
    );
}

// ---------------------------------------------------------------- size

#[test]
fn a_200_mb_file_is_refused_from_its_size_without_being_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Sparse: 200 MB long, no disk used. Were it read, its NUL bytes would
    // make it "binary"; the size message shows it never was.
    let file = std::fs::File::create(dir.path().join("huge.txt")).expect("create");
    file.set_len(200 * 1024 * 1024).expect("set_len");
    drop(file);
    let out = run_in(dir.path(), &["check", "huge.txt", "--isolated"], None);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(
            "huge.txt: 209715200 bytes, larger than the limit of 67108864 bytes (raise it with --max-bytes)"
        ),
        "{err}"
    );
}

#[test]
fn a_single_line_of_a_few_megabytes_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let words = ["council", "members", "said", "the", "plan", "would", "pass"];
    let mut line = String::from("City Council Approves Plan\n\n");
    let mut i = 0usize;
    while line.len() < 3 * 1024 * 1024 {
        line.push_str(words.get(i % words.len()).copied().unwrap_or("word"));
        line.push(' ');
        i += 1;
    }
    line.push_str("today.\n");
    std::fs::write(dir.path().join("long.txt"), &line).expect("write");
    let out = run_in(
        dir.path(),
        &["check", "long.txt", "--isolated", "--format", "json"],
        None,
    );
    assert!([0, 1].contains(&code(&out)), "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["files"][0]["path"], "long.txt");
    assert_eq!(report["files"][0]["error"], Value::Null);
}

// ---------------------------------------------------------------- paths

#[test]
fn a_walked_directory_with_an_unreadable_file_reports_the_good_ones_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = fixture_text("cli/clean.txt");
    std::fs::write(dir.path().join("a.txt"), &clean).expect("write");
    std::fs::write(dir.path().join("m.txt"), b"Caf\xe9 owners met on Monday.\n").expect("write");
    std::fs::write(dir.path().join("z.txt"), &clean).expect("write");
    // Neither is a regular file: the walk skips them (as ripgrep does).
    std::fs::create_dir(dir.path().join("folder.txt")).expect("mkdir");
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("dangling.txt")).expect("symlink");
    let out = run_in(
        dir.path(),
        &["check", ".", "--isolated", "--format", "json"],
        None,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let report = json(&out);
    let files = report["files"].as_array().expect("files");
    assert_eq!(paths_of(&report), ["a.txt", "m.txt", "z.txt"]);
    assert_eq!(files[0]["error"], Value::Null);
    assert_eq!(
        files[1]["error"],
        "not valid UTF-8 (first bad byte at offset 3)"
    );
    assert_eq!(files[2]["error"], Value::Null);
    assert_eq!(report["summary"]["unreadable"], 1);
    let err = stderr(&out);
    assert!(
        err.contains("m.txt: not valid UTF-8 (first bad byte at offset 3)"),
        "{err}"
    );
}

/// Check `bad` (already made in `dir`) and a good file beside it: exit 2,
/// stderr names `bad`, the good file is still reported. Returns `bad`'s
/// error.
fn refused_beside_a_good_file(dir: &Path, bad: &str) -> String {
    std::fs::write(dir.join("good.txt"), fixture_text("cli/clean.txt")).expect("write");
    let out = run_in(
        dir,
        &["check", bad, "good.txt", "--isolated", "--format", "json"],
        None,
    );
    assert_exit(&out, 2, &format!("{bad}: "));
    let report = json(&out);
    assert_eq!(paths_of(&report), [bad, "good.txt"]);
    assert_eq!(report["files"][1]["error"], Value::Null);
    let error = report["files"][0]["error"].as_str().expect("an error");
    assert_stderr_has(&out, &format!("{bad}: {error}"));
    error.to_string()
}

#[test]
fn a_symlink_loop_named_explicitly_is_refused_with_a_clear_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink("b.txt", dir.path().join("a.txt")).expect("symlink");
    std::os::unix::fs::symlink("a.txt", dir.path().join("b.txt")).expect("symlink");
    assert_eq!(
        refused_beside_a_good_file(dir.path(), "a.txt"),
        "symlink loop (too many levels of symbolic links)"
    );
}

#[test]
fn a_fifo_named_explicitly_without_a_writer_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("pipe.txt"));
    let error = refused_beside_a_good_file(dir.path(), "pipe.txt");
    assert!(
        error.starts_with("a named pipe (FIFO) with nothing to read: no writer had it open"),
        "{error}"
    );
}

#[test]
fn a_pipe_given_as_a_path_is_read_while_its_writer_writes() {
    // `newslint check <(producer)`: the path is a pipe whose writer exists
    // and may be slow; it is read to its end.
    let script = "\"$0\" check <(sleep 0.3; cat \"$1\") --isolated --format json";
    let conflict = repo().join("fixtures/cli/conflict.txt");
    let child = Command::new("bash")
        .args(["-c", script, BIN])
        .arg(&conflict)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bash");
    let out = wait_bounded(child, "process substitution");
    let report = json(&out);
    assert_eq!(report["files"][0]["error"], Value::Null, "{}", stderr(&out));
    let from_file = run_in(
        &repo(),
        &[
            "check",
            "fixtures/cli/conflict.txt",
            "--isolated",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(findings(&report), findings(&json(&from_file)));
    assert_eq!(code(&out), code(&from_file));
}

// ---------------------------------------------------------------- output

#[test]
fn stdout_closed_by_head_exits_quietly() {
    let conflict = repo().join("fixtures/cli/conflict.txt");
    let conflict = conflict.to_str().expect("utf-8 path");
    let mut args = vec![
        "check",
        "--isolated",
        "--format",
        "human",
        "--color",
        "never",
    ];
    args.extend(std::iter::repeat_n(conflict, 2000));
    let mut newslint = newslint(&repo(), &args).spawn().expect("spawn newslint");
    let pipe = newslint.stdout.take().expect("stdout");
    let head = Command::new("head")
        .arg("-1")
        .stdin(Stdio::from(pipe))
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn head");
    let head = head.wait_with_output().expect("head");
    assert_eq!(String::from_utf8_lossy(&head.stdout).lines().count(), 1);
    let mut err = String::new();
    newslint
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    let out = wait_bounded(newslint, "| head -1");
    assert!(err.is_empty(), "{err}");
    // Exit 0 (the pipe closed) or the usual code: never a panic (101) or
    // death by SIGPIPE.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
}

#[test]
fn a_failing_run_leaves_the_previous_output_file_intact() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    std::fs::write(&target, "previous report\n").expect("write");
    std::fs::write(dir.path().join("bad.toml"), "fail-on = [\n").expect("write");
    let clean = repo().join("fixtures/cli/clean.txt");
    let clean = clean.to_str().expect("utf-8");
    // A run that fails before the report is complete: a bad config.
    let out = run_in(
        dir.path(),
        &[
            "check",
            clean,
            "--config",
            "bad.toml",
            "--output",
            "report.json",
        ],
        None,
    );
    assert_exit(&out, 2, "bad.toml");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "previous report\n"
    );
    // A report that cannot be put in place (the target is a directory):
    // an error naming it, and no temporary file left behind.
    std::fs::create_dir(dir.path().join("out.json")).expect("mkdir");
    let out = run_in(
        dir.path(),
        &["check", clean, "--isolated", "--output", "out.json"],
        None,
    );
    assert_exit(&out, 2, "out.json: cannot write");
    // A directory that does not exist.
    let out = run_in(
        dir.path(),
        &[
            "check",
            clean,
            "--isolated",
            "--output",
            "no/such/dir/r.json",
        ],
        None,
    );
    assert_exit(
        &out,
        2,
        "no/such/dir/r.json: cannot create a temporary file",
    );
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "previous report\n"
    );
}

#[test]
fn sigint_keeps_the_previous_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.json");
    std::fs::write(&target, "previous report\n").expect("write");
    let out = interrupted_check(dir.path(), &target);
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "previous report\n"
    );
    assert!(
        temp_files(dir.path()).is_empty(),
        "{:?}",
        temp_files(dir.path())
    );
}

// ---------------------------------------------------------------- pathological texts

/// Check one generated article; it must finish with 0 or 1 and be read.
fn completes(name: &str, text: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(name), text).expect("write");
    let out = run_in(
        dir.path(),
        &[
            "check",
            name,
            "--isolated",
            "--format",
            "jsonl",
            "--summary",
        ],
        None,
    );
    assert!([0, 1].contains(&code(&out)), "{name}: {}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let last = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .map(str::to_string)
        .expect("a summary line");
    let summary: Value = serde_json::from_str(&last).expect("JSON");
    assert_eq!(summary["summary"]["files"], 1, "{name}");
    assert_eq!(summary["summary"]["unreadable"], 0, "{name}");
}

#[test]
fn a_hundred_thousand_quotation_marks_complete() {
    let mut text = String::from("Council Votes\n\nThe mayor said ");
    text.push_str(&"\"".repeat(100_000));
    text.push_str(" on Monday.\n\n“");
    text.push_str(&"“”".repeat(50_000));
    text.push('\n');
    completes("quotes.txt", &text);
}

#[test]
fn a_table_of_a_million_rows_completes() {
    let mut text = String::from("Council Votes\n\n| Name | Town |\n|---|---|\n");
    text.push_str(&"|a|b|\n".repeat(1_000_000));
    completes("table.txt", &text);
}

#[test]
fn an_outline_table_of_many_rows_completes() {
    // Every row of an outline with no matching section is a finding: the
    // many-findings path, kept to 100,000 rows (the million-row table above
    // covers the parser).
    let mut text = String::from(
        "Council Votes\n\nArticle Subheadings\n| Subheading | Description |\n|---|---|\n",
    );
    text.push_str(&"|a|b|\n".repeat(100_000));
    completes("outline.txt", &text);
}

#[test]
fn a_one_megabyte_word_completes() {
    let mut text = String::from("Council Votes\n\nThe word was ");
    text.push_str(&"x".repeat(1024 * 1024));
    text.push_str(" said the mayor on Monday.\n");
    completes("word.txt", &text);
}

#[test]
fn deeply_repeated_hedges_complete() {
    let mut text = String::from("Police Made Arrests\n\nPolice made ");
    text.push_str(&"over ".repeat(100_000));
    text.push_str("400 arrests, and ");
    text.push_str(&"nearly about roughly ".repeat(30_000));
    text.push_str(
        "400 people were held.\n\nKey Points\n| Point | Detail |\n|---|---|\n| Arrests | ",
    );
    text.push_str(&"over ".repeat(100_000));
    text.push_str("400 |\n");
    completes("hedges.txt", &text);
}
